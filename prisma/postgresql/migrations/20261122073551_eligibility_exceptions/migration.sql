-- CreateTable
CREATE TABLE "EligibilityException" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "approver" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EligibilityException_reserveCode_key" ON "EligibilityException"("reserveCode");

-- AddForeignKey
ALTER TABLE "EligibilityException" ADD CONSTRAINT "EligibilityException_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
