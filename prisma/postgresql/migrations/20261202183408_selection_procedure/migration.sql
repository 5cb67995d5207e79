-- CreateTable
CREATE TABLE "RecommendationRound" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,

    CONSTRAINT "RecommendationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationTally" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "group" TEXT NOT NULL,
    "expected" INTEGER NOT NULL,
    "cast" INTEGER NOT NULL,
    "favour" INTEGER NOT NULL,
    "against" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "invalid" INTEGER NOT NULL,

    CONSTRAINT "RecommendationTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionScore" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "part" TEXT NOT NULL DEFAULT '',
    "score" DOUBLE PRECISION NOT NULL,
    "on" DATE NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelectionScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "concludedOn" DATE,
    "inspectors" TEXT NOT NULL,
    "interviews" INTEGER NOT NULL,
    "conclusion" TEXT,
    "verdict" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicNotice" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "closedOn" DATE,
    "closedAs" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "action" TEXT,
    "finding" TEXT,
    "resolvedOn" DATE,
    "resolvedBy" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incumbency" (
    "id" SERIAL NOT NULL,
    "positionCode" TEXT NOT NULL,
    "personCode" TEXT NOT NULL,
    "from" DATE,
    "until" DATE,
    "termEnds" DATE,
    "reserveCode" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incumbency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EliminationDecision" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "flags" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EliminationDecision_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "RecommendationRound" ADD CONSTRAINT "RecommendationRound_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTally" ADD CONSTRAINT "RecommendationTally_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "RecommendationRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionScore" ADD CONSTRAINT "SelectionScore_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PublicNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incumbency" ADD CONSTRAINT "Incumbency_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "Position"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incumbency" ADD CONSTRAINT "Incumbency_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EliminationDecision" ADD CONSTRAINT "EliminationDecision_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
