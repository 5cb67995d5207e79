-- CreateTable
CREATE TABLE "PlanningScenario" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "policyVersions" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    CONSTRAINT "PlanningScenario_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlanningScenario_unitCode_idx" ON "PlanningScenario"("unitCode");
