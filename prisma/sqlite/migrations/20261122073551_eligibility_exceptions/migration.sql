-- CreateTable
CREATE TABLE "EligibilityException" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "approver" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EligibilityException_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EligibilityException_reserveCode_key" ON "EligibilityException"("reserveCode");
