-- CreateTable
CREATE TABLE "PersonProfile" (
    "id" SERIAL NOT NULL,
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
    "currentPostSince" DATE,
    "assessmentText" TEXT,
    "kept" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonIdentity" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "idNumber" TEXT,
    "photo" BYTEA,
    "photoType" TEXT,

    CONSTRAINT "PersonIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResumeLine" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "start" TEXT,
    "end" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "ResumeLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardPenalty" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "RewardPenalty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilyMember" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "relation" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "birthMonth" TEXT,
    "politicalStatus" TEXT,
    "workplace" TEXT,

    CONSTRAINT "FamilyMember_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PersonProfile" ADD CONSTRAINT "PersonProfile_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonIdentity" ADD CONSTRAINT "PersonIdentity_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResumeLine" ADD CONSTRAINT "ResumeLine_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardPenalty" ADD CONSTRAINT "RewardPenalty_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyMember" ADD CONSTRAINT "FamilyMember_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
