-- CreateTable
CREATE TABLE "Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "body" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,
    CONSTRAINT "Meeting_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "reserveCode" TEXT,
    "title" TEXT NOT NULL,
    "favour" INTEGER NOT NULL,
    "against" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "adopted" BOOLEAN NOT NULL,
    CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingItem_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReserveStatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decisionItemId" INTEGER,
    CONSTRAINT "ReserveStatusChange_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReserveStatusChange_decisionItemId_fkey" FOREIGN KEY ("decisionItemId") REFERENCES "MeetingItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ReserveStatusChange" ("actor", "from", "id", "on", "reason", "recordedAt", "reserveCode", "to") SELECT "actor", "from", "id", "on", "reason", "recordedAt", "reserveCode", "to" FROM "ReserveStatusChange";
DROP TABLE "ReserveStatusChange";
ALTER TABLE "new_ReserveStatusChange" RENAME TO "ReserveStatusChange";
CREATE INDEX "ReserveStatusChange_reserveCode_idx" ON "ReserveStatusChange"("reserveCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Meeting_unitCode_heldOn_idx" ON "Meeting"("unitCode", "heldOn");

-- CreateIndex
CREATE INDEX "MeetingItem_meetingId_idx" ON "MeetingItem"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingItem_reserveCode_idx" ON "MeetingItem"("reserveCode");
