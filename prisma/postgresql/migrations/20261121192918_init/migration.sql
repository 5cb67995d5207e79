-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('PARTY_GOV', 'INSTITUTION', 'ENTERPRISE', 'TOWNSHIP', 'VILLAGE', 'SCHOOL', 'OTHER');

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "PositionKind" AS ENUM ('PRINCIPAL', 'DEPUTY');

-- CreateEnum
CREATE TYPE "Rank" AS ENUM ('BUREAU_PRINCIPAL', 'BUREAU_DEPUTY', 'DIVISION_PRINCIPAL', 'DIVISION_DEPUTY', 'SECTION_PRINCIPAL', 'SECTION_DEPUTY', 'MIDDLE_PRINCIPAL', 'MIDDLE_DEPUTY', 'VILLAGE_CADRE', 'STAFF');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('PARTY_GOV', 'MANAGEMENT', 'TECHNICAL', 'ENTERPRISE_MANAGER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "PoliticalStatus" AS ENUM ('CPC', 'DEMOCRATIC_PARTY', 'NON_PARTY', 'MASSES');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('HIGH_SCHOOL', 'SECONDARY', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE');

-- CreateEnum
CREATE TYPE "Title" AS ENUM ('NONE', 'JUNIOR', 'INTERMEDIATE', 'SUB_SENIOR', 'SENIOR');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('NEAR_TERM', 'MID_TERM', 'LONG_TERM');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('ECONOMY', 'LEGAL', 'SOCIAL', 'URBAN', 'AGRICULTURE', 'PARTY');

-- CreateEnum
CREATE TYPE "Source" AS ENUM ('DEMOCRATIC_RECOMMENDATION', 'OPEN_SELECTION', 'EXAM_SELECTION', 'SELF_NOMINATION', 'ORG_NOMINATION', 'SELECTED_GRADUATE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReserveStatus" AS ENUM ('NOMINATED', 'INSPECTING', 'PUBLICIZING', 'ACTIVE', 'PROMOTED', 'REMOVED', 'EXPIRED', 'REJECTED');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('CENTRALIZED', 'PARTY_SCHOOL', 'ASSIGNED', 'ONLINE', 'SPECIAL', 'DEGREE');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT');

-- CreateEnum
CREATE TYPE "PracticeKind" AS ENUM ('SECONDMENT', 'ROTATION', 'PART_TIME');

-- CreateEnum
CREATE TYPE "VoterGroup" AS ENUM ('TEAM_MEMBER', 'MIDDLE_CADRE', 'PARTY_MEMBER', 'MASSES');

-- CreateEnum
CREATE TYPE "ScoreRound" AS ENUM ('WRITTEN', 'SPEECH', 'INSPECTION');

-- CreateEnum
CREATE TYPE "TalkKind" AS ENUM ('LEADERSHIP', 'HR');

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" TEXT,
    "kind" "UnitKind" NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "PositionKind" NOT NULL,
    "rank" "Rank" NOT NULL,
    "category" "Category" NOT NULL,
    "incumbentId" TEXT,
    "termEnds" DATE,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthDate" DATE NOT NULL,
    "ethnicity" TEXT NOT NULL,
    "politicalStatus" "PoliticalStatus" NOT NULL,
    "education" "Education" NOT NULL,
    "fullTimeEducation" "Education",
    "title" "Title" NOT NULL,
    "rank" "Rank" NOT NULL,
    "rankSince" DATE,
    "workStart" DATE NOT NULL,
    "category" "Category" NOT NULL,
    "unitCode" TEXT NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReserveEntry" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "personCode" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "targetKind" "PositionKind" NOT NULL,
    "targetRank" "Rank" NOT NULL,
    "tier" "Tier" NOT NULL,
    "direction" "Direction" NOT NULL,
    "source" "Source" NOT NULL,
    "status" "ReserveStatus" NOT NULL,
    "nominatedOn" DATE NOT NULL,
    "enteredOn" DATE,
    "exitedOn" DATE,
    "exitReason" TEXT,
    "openPersonCode" TEXT,

    CONSTRAINT "ReserveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReserveStatusChange" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "from" "ReserveStatus",
    "to" "ReserveStatus" NOT NULL,
    "on" DATE NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReserveStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityException" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationVote" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "voterGroup" "VoterGroup" NOT NULL,
    "on" DATE NOT NULL,
    "votesFor" INTEGER NOT NULL,
    "votesCast" INTEGER NOT NULL,

    CONSTRAINT "RecommendationVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionScore" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "round" "ScoreRound" NOT NULL,
    "on" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "passMark" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SelectionScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Training" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "program" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "start" DATE NOT NULL,
    "days" DOUBLE PRECISION NOT NULL,
    "hours" DOUBLE PRECISION,
    "credits" DOUBLE PRECISION,
    "completed" BOOLEAN NOT NULL,

    CONSTRAINT "Training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "kind" "PracticeKind" NOT NULL,
    "unitCode" TEXT,
    "start" DATE NOT NULL,
    "end" DATE,
    "reportScore" DOUBLE PRECISION,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mentor" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "mentorPersonCode" TEXT,
    "mentorName" TEXT NOT NULL,
    "since" DATE NOT NULL,
    "until" DATE,

    CONSTRAINT "Mentor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Talk" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "kind" "TalkKind" NOT NULL,
    "on" DATE NOT NULL,
    "notes" TEXT,

    CONSTRAINT "Talk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" "Grade" NOT NULL,
    "incompetentVoteShare" DOUBLE PRECISION,
    "deptPercentile" DOUBLE PRECISION,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityCode" TEXT,
    "detail" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" SERIAL NOT NULL,
    "unitKind" "UnitKind",
    "effectiveFrom" DATE NOT NULL,
    "overrides" TEXT NOT NULL,
    "note" TEXT,
    "actor" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "lastResult" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Unit"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_incumbentId_fkey" FOREIGN KEY ("incumbentId") REFERENCES "Person"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReserveEntry" ADD CONSTRAINT "ReserveEntry_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReserveEntry" ADD CONSTRAINT "ReserveEntry_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReserveStatusChange" ADD CONSTRAINT "ReserveStatusChange_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityException" ADD CONSTRAINT "EligibilityException_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationVote" ADD CONSTRAINT "RecommendationVote_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionScore" ADD CONSTRAINT "SelectionScore_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentor" ADD CONSTRAINT "Mentor_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentor" ADD CONSTRAINT "Mentor_mentorPersonCode_fkey" FOREIGN KEY ("mentorPersonCode") REFERENCES "Person"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Talk" ADD CONSTRAINT "Talk_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
