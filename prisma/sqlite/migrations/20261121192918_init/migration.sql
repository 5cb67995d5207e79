-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" TEXT,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    CONSTRAINT "Unit_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Unit" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Position" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rank" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "incumbentId" TEXT,
    "termEnds" DATETIME,
    CONSTRAINT "Position_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Position_incumbentId_fkey" FOREIGN KEY ("incumbentId") REFERENCES "Person" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "ethnicity" TEXT NOT NULL,
    "politicalStatus" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "fullTimeEducation" TEXT,
    "title" TEXT NOT NULL,
    "rank" TEXT NOT NULL,
    "rankSince" DATETIME,
    "workStart" DATETIME NOT NULL,
    "category" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    CONSTRAINT "Person_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReserveEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "personCode" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetRank" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "nominatedOn" DATETIME NOT NULL,
    "enteredOn" DATETIME,
    "exitedOn" DATETIME,
    "exitReason" TEXT,
    "openPersonCode" TEXT,
    CONSTRAINT "ReserveEntry_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReserveEntry_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReserveStatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReserveStatusChange_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EligibilityException" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EligibilityException_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationVote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "voterGroup" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "votesFor" INTEGER NOT NULL,
    "votesCast" INTEGER NOT NULL,
    CONSTRAINT "RecommendationVote_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SelectionScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "score" REAL NOT NULL,
    "passMark" REAL NOT NULL,
    CONSTRAINT "SelectionScore_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Training" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "program" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "days" REAL NOT NULL,
    "hours" REAL,
    "credits" REAL,
    "completed" BOOLEAN NOT NULL,
    CONSTRAINT "Training_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unitCode" TEXT,
    "start" DATETIME NOT NULL,
    "end" DATETIME,
    "reportScore" REAL,
    CONSTRAINT "Practice_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Practice_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mentor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "mentorPersonCode" TEXT,
    "mentorName" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "until" DATETIME,
    CONSTRAINT "Mentor_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Mentor_mentorPersonCode_fkey" FOREIGN KEY ("mentorPersonCode") REFERENCES "Person" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Talk" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "notes" TEXT,
    CONSTRAINT "Talk_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "incompetentVoteShare" REAL,
    "deptPercentile" REAL,
    CONSTRAINT "Assessment_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityCode" TEXT,
    "detail" TEXT
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitKind" TEXT,
    "effectiveFrom" DATETIME NOT NULL,
    "overrides" TEXT NOT NULL,
    "note" TEXT,
    "actor" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "lastResult" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_path_key" ON "Unit"("path");

-- CreateIndex
CREATE INDEX "Unit_parentCode_idx" ON "Unit"("parentCode");

-- CreateIndex
CREATE UNIQUE INDEX "Position_code_key" ON "Position"("code");

-- CreateIndex
CREATE INDEX "Position_unitCode_kind_idx" ON "Position"("unitCode", "kind");

-- CreateIndex
CREATE INDEX "Position_incumbentId_idx" ON "Position"("incumbentId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_code_key" ON "Person"("code");

-- CreateIndex
CREATE INDEX "Person_unitCode_idx" ON "Person"("unitCode");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Person_birthDate_idx" ON "Person"("birthDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReserveEntry_code_key" ON "ReserveEntry"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ReserveEntry_openPersonCode_key" ON "ReserveEntry"("openPersonCode");

-- CreateIndex
CREATE INDEX "ReserveEntry_unitCode_targetKind_idx" ON "ReserveEntry"("unitCode", "targetKind");

-- CreateIndex
CREATE INDEX "ReserveEntry_personCode_idx" ON "ReserveEntry"("personCode");

-- CreateIndex
CREATE INDEX "ReserveEntry_status_idx" ON "ReserveEntry"("status");

-- CreateIndex
CREATE INDEX "ReserveStatusChange_reserveCode_idx" ON "ReserveStatusChange"("reserveCode");

-- CreateIndex
CREATE INDEX "EligibilityException_reserveCode_idx" ON "EligibilityException"("reserveCode");

-- CreateIndex
CREATE INDEX "RecommendationVote_reserveCode_idx" ON "RecommendationVote"("reserveCode");

-- CreateIndex
CREATE INDEX "SelectionScore_reserveCode_idx" ON "SelectionScore"("reserveCode");

-- CreateIndex
CREATE INDEX "Training_personCode_idx" ON "Training"("personCode");

-- CreateIndex
CREATE INDEX "Training_start_idx" ON "Training"("start");

-- CreateIndex
CREATE INDEX "Practice_personCode_idx" ON "Practice"("personCode");

-- CreateIndex
CREATE INDEX "Mentor_reserveCode_idx" ON "Mentor"("reserveCode");

-- CreateIndex
CREATE INDEX "Talk_reserveCode_on_idx" ON "Talk"("reserveCode", "on");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_personCode_year_key" ON "Assessment"("personCode", "year");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityCode_idx" ON "AuditLog"("entity", "entityCode");

-- CreateIndex
CREATE INDEX "PolicyVersion_unitKind_effectiveFrom_idx" ON "PolicyVersion"("unitKind", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_name_key" ON "Scenario"("name");
