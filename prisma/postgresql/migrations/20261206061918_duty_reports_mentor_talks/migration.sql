-- AlterEnum
ALTER TYPE "TalkKind" ADD VALUE 'MENTOR';

-- AlterTable
ALTER TABLE "MajorMatter" ADD COLUMN     "disqualifying" BOOLEAN;

-- CreateTable
CREATE TABLE "DutyReport" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "audience" TEXT NOT NULL,
    "outline" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,

    CONSTRAINT "DutyReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DutyReport_reserveCode_idx" ON "DutyReport"("reserveCode");

-- AddForeignKey
ALTER TABLE "DutyReport" ADD CONSTRAINT "DutyReport_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
