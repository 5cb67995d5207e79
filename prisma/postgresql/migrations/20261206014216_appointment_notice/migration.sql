-- CreateTable
CREATE TABLE "AppointmentNotice" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "positionCode" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnReason" TEXT,
    "withdrawnBy" TEXT,

    CONSTRAINT "AppointmentNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AppointmentNotice_reserveCode_idx" ON "AppointmentNotice"("reserveCode");

-- AddForeignKey
ALTER TABLE "AppointmentNotice" ADD CONSTRAINT "AppointmentNotice_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentNotice" ADD CONSTRAINT "AppointmentNotice_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "Position"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
