-- CreateTable
CREATE TABLE "PersonProfile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "nativePlace" TEXT,
    "birthPlace" TEXT,
    "partyJoined" TEXT,
    "health" TEXT,
    "professionalTitle" TEXT,
    "specialty" TEXT,
    "fullTimeEducation" TEXT,
    "fullTimeDegree" TEXT,
    "fullTimeSchool" TEXT,
    "fullTimeDegreeSchool" TEXT,
    "inServiceEducation" TEXT,
    "inServiceDegree" TEXT,
    "inServiceSchool" TEXT,
    "inServiceDegreeSchool" TEXT,
    "currentPost" TEXT,
    "currentPostSince" DATETIME,
    "assessmentText" TEXT,
    "kept" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PersonProfile_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonIdentity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "idNumber" TEXT,
    "photo" BLOB,
    "photoType" TEXT,
    CONSTRAINT "PersonIdentity_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResumeLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "start" TEXT,
    "end" TEXT,
    "text" TEXT NOT NULL,
    CONSTRAINT "ResumeLine_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RewardPenalty" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "RewardPenalty_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FamilyMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "relation" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "birthMonth" TEXT,
    "politicalStatus" TEXT,
    "workplace" TEXT,
    CONSTRAINT "FamilyMember_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PersonProfile_personCode_key" ON "PersonProfile"("personCode");

-- CreateIndex
CREATE UNIQUE INDEX "PersonIdentity_personCode_key" ON "PersonIdentity"("personCode");

-- CreateIndex
CREATE UNIQUE INDEX "PersonIdentity_idNumber_key" ON "PersonIdentity"("idNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ResumeLine_personCode_seq_key" ON "ResumeLine"("personCode", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "RewardPenalty_personCode_seq_key" ON "RewardPenalty"("personCode", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyMember_personCode_seq_key" ON "FamilyMember"("personCode", "seq");
