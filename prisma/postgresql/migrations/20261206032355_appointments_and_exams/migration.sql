-- DropForeignKey
ALTER TABLE "AppointmentNotice" DROP CONSTRAINT "AppointmentNotice_reserveCode_fkey";

-- AlterTable
ALTER TABLE "Incumbency" ADD COLUMN     "priorUnknown" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
-- Edited by hand: every notice so far was an entry's, so its person is the entry's.
ALTER TABLE "AppointmentNotice" ADD COLUMN     "personCode" TEXT,
ALTER COLUMN "reserveCode" DROP NOT NULL;
UPDATE "AppointmentNotice" n SET "personCode" = r."personCode" FROM "ReserveEntry" r WHERE r."code" = n."reserveCode";
ALTER TABLE "AppointmentNotice" ALTER COLUMN "personCode" SET NOT NULL;

-- CreateTable
CREATE TABLE "QualificationExam" (
    "id" SERIAL NOT NULL,
    "personCode" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "score" DOUBLE PRECISION,
    "passed" BOOLEAN NOT NULL,
    "certificateNo" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,

    CONSTRAINT "QualificationExam_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QualificationExam_personCode_idx" ON "QualificationExam"("personCode");

-- CreateIndex
CREATE INDEX "AppointmentNotice_personCode_idx" ON "AppointmentNotice"("personCode");

-- AddForeignKey
ALTER TABLE "AppointmentNotice" ADD CONSTRAINT "AppointmentNotice_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentNotice" ADD CONSTRAINT "AppointmentNotice_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationExam" ADD CONSTRAINT "QualificationExam_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
