-- AlterTable
ALTER TABLE "ReserveStatusChange" ADD COLUMN     "decisionItemId" INTEGER;

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "reserveCode" TEXT,
    "title" TEXT NOT NULL,
    "favour" INTEGER NOT NULL,
    "against" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "adopted" BOOLEAN NOT NULL,

    CONSTRAINT "MeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_unitCode_heldOn_idx" ON "Meeting"("unitCode", "heldOn");

-- CreateIndex
CREATE INDEX "MeetingItem_meetingId_idx" ON "MeetingItem"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingItem_reserveCode_idx" ON "MeetingItem"("reserveCode");

-- AddForeignKey
ALTER TABLE "ReserveStatusChange" ADD CONSTRAINT "ReserveStatusChange_decisionItemId_fkey" FOREIGN KEY ("decisionItemId") REFERENCES "MeetingItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE SET NULL ON UPDATE CASCADE;
