-- AlterTable
ALTER TABLE "MajorMatter" ADD COLUMN "disqualifying" BOOLEAN;

-- CreateTable
CREATE TABLE "DutyReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "audience" TEXT NOT NULL,
    "outline" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,
    CONSTRAINT "DutyReport_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DutyReport_reserveCode_idx" ON "DutyReport"("reserveCode");
