-- CreateTable
CREATE TABLE "AppointmentNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "positionCode" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnReason" TEXT,
    "withdrawnBy" TEXT,
    CONSTRAINT "AppointmentNotice_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AppointmentNotice_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "Position" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AppointmentNotice_reserveCode_idx" ON "AppointmentNotice"("reserveCode");
