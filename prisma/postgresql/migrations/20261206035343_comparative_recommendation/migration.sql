-- CreateTable
CREATE TABLE "ComparativeRound" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "kind" "PositionKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "note" TEXT,
    "groups" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,

    CONSTRAINT "ComparativeRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparativeVote" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,

    CONSTRAINT "ComparativeVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComparativeRound_unitCode_kind_idx" ON "ComparativeRound"("unitCode", "kind");

-- CreateIndex
CREATE INDEX "ComparativeVote_reserveCode_idx" ON "ComparativeVote"("reserveCode");

-- CreateIndex
CREATE UNIQUE INDEX "ComparativeVote_roundId_reserveCode_group_key" ON "ComparativeVote"("roundId", "reserveCode", "group");

-- AddForeignKey
ALTER TABLE "ComparativeRound" ADD CONSTRAINT "ComparativeRound_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparativeVote" ADD CONSTRAINT "ComparativeVote_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ComparativeRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparativeVote" ADD CONSTRAINT "ComparativeVote_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
