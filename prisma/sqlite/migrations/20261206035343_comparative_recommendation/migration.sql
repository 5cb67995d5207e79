-- CreateTable
CREATE TABLE "ComparativeRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "note" TEXT,
    "groups" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "struckReason" TEXT,
    "struckBy" TEXT,
    CONSTRAINT "ComparativeRound_unitCode_fkey" FOREIGN KEY ("unitCode") REFERENCES "Unit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparativeVote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,
    CONSTRAINT "ComparativeVote_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ComparativeRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ComparativeVote_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ComparativeRound_unitCode_kind_idx" ON "ComparativeRound"("unitCode", "kind");

-- CreateIndex
CREATE INDEX "ComparativeVote_reserveCode_idx" ON "ComparativeVote"("reserveCode");

-- CreateIndex
CREATE UNIQUE INDEX "ComparativeVote_roundId_reserveCode_group_key" ON "ComparativeVote"("roundId", "reserveCode", "group");
