-- CreateTable
CREATE TABLE "Filing" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" INTEGER NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "fromUnitCode" TEXT NOT NULL,
    "toUnitCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "submittedOn" DATE NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedOn" DATE,
    "decidedBy" TEXT,
    "reason" TEXT,

    CONSTRAINT "Filing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Filing_toUnitCode_status_idx" ON "Filing"("toUnitCode", "status");

-- CreateIndex
CREATE INDEX "Filing_reserveCode_idx" ON "Filing"("reserveCode");

-- CreateIndex
CREATE INDEX "Filing_itemId_idx" ON "Filing"("itemId");

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_fromUnitCode_fkey" FOREIGN KEY ("fromUnitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_toUnitCode_fkey" FOREIGN KEY ("toUnitCode") REFERENCES "Unit"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
