-- CreateTable
CREATE TABLE "RecommendationRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,
    CONSTRAINT "RecommendationRound_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationTally" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "group" TEXT NOT NULL,
    "expected" INTEGER NOT NULL,
    "cast" INTEGER NOT NULL,
    "favour" INTEGER NOT NULL,
    "against" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "invalid" INTEGER NOT NULL,
    CONSTRAINT "RecommendationTally_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "RecommendationRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SelectionScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "part" TEXT NOT NULL DEFAULT '',
    "score" REAL NOT NULL,
    "on" DATETIME NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SelectionScore_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "startedOn" DATETIME NOT NULL,
    "concludedOn" DATETIME,
    "inspectors" TEXT NOT NULL,
    "interviews" INTEGER NOT NULL,
    "conclusion" TEXT,
    "verdict" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Inspection_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "days" INTEGER NOT NULL,
    "closedOn" DATETIME,
    "closedAs" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PublicNotice_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "noticeId" INTEGER NOT NULL,
    "receivedOn" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "action" TEXT,
    "finding" TEXT,
    "resolvedOn" DATETIME,
    "resolvedBy" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Objection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PublicNotice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Incumbency" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "positionCode" TEXT NOT NULL,
    "personCode" TEXT NOT NULL,
    "from" DATETIME,
    "until" DATETIME,
    "termEnds" DATETIME,
    "reserveCode" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Incumbency_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "Position" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Incumbency_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EliminationDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "flags" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EliminationDecision_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RecommendationRound_reserveCode_idx" ON "RecommendationRound"("reserveCode");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationTally_roundId_group_key" ON "RecommendationTally"("roundId", "group");

-- CreateIndex
CREATE UNIQUE INDEX "SelectionScore_reserveCode_round_part_key" ON "SelectionScore"("reserveCode", "round", "part");

-- CreateIndex
CREATE INDEX "Inspection_reserveCode_idx" ON "Inspection"("reserveCode");

-- CreateIndex
CREATE INDEX "PublicNotice_reserveCode_idx" ON "PublicNotice"("reserveCode");

-- CreateIndex
CREATE INDEX "Objection_noticeId_idx" ON "Objection"("noticeId");

-- CreateIndex
CREATE INDEX "Incumbency_positionCode_idx" ON "Incumbency"("positionCode");

-- CreateIndex
CREATE INDEX "Incumbency_personCode_idx" ON "Incumbency"("personCode");

-- CreateIndex
CREATE INDEX "EliminationDecision_reserveCode_idx" ON "EliminationDecision"("reserveCode");
