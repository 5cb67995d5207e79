-- CreateTable
CREATE TABLE "QualificationExam" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "score" REAL,
    "passed" BOOLEAN NOT NULL,
    "certificateNo" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,
    CONSTRAINT "QualificationExam_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incumbency" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "positionCode" TEXT NOT NULL,
    "personCode" TEXT NOT NULL,
    "from" DATETIME,
    "until" DATETIME,
    "termEnds" DATETIME,
    "reserveCode" TEXT,
    "priorUnknown" BOOLEAN NOT NULL DEFAULT false,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Incumbency_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "Position" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Incumbency_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Incumbency" ("from", "id", "personCode", "positionCode", "recordedAt", "recordedBy", "reserveCode", "termEnds", "until") SELECT "from", "id", "personCode", "positionCode", "recordedAt", "recordedBy", "reserveCode", "termEnds", "until" FROM "Incumbency";
DROP TABLE "Incumbency";
ALTER TABLE "new_Incumbency" RENAME TO "Incumbency";
CREATE INDEX "Incumbency_positionCode_idx" ON "Incumbency"("positionCode");
CREATE INDEX "Incumbency_personCode_idx" ON "Incumbency"("personCode");
CREATE TABLE "new_AppointmentNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personCode" TEXT NOT NULL,
    "reserveCode" TEXT,
    "positionCode" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnReason" TEXT,
    "withdrawnBy" TEXT,
    CONSTRAINT "AppointmentNotice_personCode_fkey" FOREIGN KEY ("personCode") REFERENCES "Person" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AppointmentNotice_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AppointmentNotice_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "Position" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Edited by hand: every notice so far was an entry's, so its person is the entry's.
INSERT INTO "new_AppointmentNotice" ("endsOn", "id", "personCode", "positionCode", "recordedAt", "recordedBy", "reserveCode", "startsOn", "withdrawnBy", "withdrawnReason", "workingDays") SELECT n."endsOn", n."id", r."personCode", n."positionCode", n."recordedAt", n."recordedBy", n."reserveCode", n."startsOn", n."withdrawnBy", n."withdrawnReason", n."workingDays" FROM "AppointmentNotice" n JOIN "ReserveEntry" r ON r."code" = n."reserveCode";
DROP TABLE "AppointmentNotice";
ALTER TABLE "new_AppointmentNotice" RENAME TO "AppointmentNotice";
CREATE INDEX "AppointmentNotice_reserveCode_idx" ON "AppointmentNotice"("reserveCode");
CREATE INDEX "AppointmentNotice_personCode_idx" ON "AppointmentNotice"("personCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QualificationExam_personCode_idx" ON "QualificationExam"("personCode");
