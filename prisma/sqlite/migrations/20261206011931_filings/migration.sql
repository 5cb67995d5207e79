-- CreateTable
CREATE TABLE "Filing" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "itemId" INTEGER NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "fromUnitCode" TEXT NOT NULL,
    "toUnitCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "submittedOn" DATETIME NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedOn" DATETIME,
    "decidedBy" TEXT,
    "reason" TEXT,
    CONSTRAINT "Filing_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Filing_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Filing_fromUnitCode_fkey" FOREIGN KEY ("fromUnitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Filing_toUnitCode_fkey" FOREIGN KEY ("toUnitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Filing_toUnitCode_status_idx" ON "Filing"("toUnitCode", "status");

-- CreateIndex
CREATE INDEX "Filing_reserveCode_idx" ON "Filing"("reserveCode");

-- CreateIndex
CREATE INDEX "Filing_itemId_idx" ON "Filing"("itemId");
