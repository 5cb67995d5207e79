-- CreateTable
CREATE TABLE "MajorMatter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reserveCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredOn" DATETIME NOT NULL,
    "reportedOn" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finding" TEXT,
    "reviewedOn" DATETIME,
    "reviewedBy" TEXT,
    CONSTRAINT "MajorMatter_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MajorMatter_reserveCode_idx" ON "MajorMatter"("reserveCode");
