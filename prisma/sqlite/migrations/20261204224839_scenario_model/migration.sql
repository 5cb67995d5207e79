-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PlanningScenario" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "policyVersions" TEXT NOT NULL,
    "model" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    CONSTRAINT "PlanningScenario_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PlanningScenario" ("archivedAt", "authorId", "createdAt", "id", "name", "params", "policyVersions", "unitCode", "updatedAt") SELECT "archivedAt", "authorId", "createdAt", "id", "name", "params", "policyVersions", "unitCode", "updatedAt" FROM "PlanningScenario";
DROP TABLE "PlanningScenario";
ALTER TABLE "new_PlanningScenario" RENAME TO "PlanningScenario";
CREATE INDEX "PlanningScenario_unitCode_idx" ON "PlanningScenario"("unitCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
