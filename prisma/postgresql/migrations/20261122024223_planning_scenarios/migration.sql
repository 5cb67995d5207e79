-- CreateTable
CREATE TABLE "PlanningScenario" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "policyVersions" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "PlanningScenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanningScenario_unitCode_idx" ON "PlanningScenario"("unitCode");

-- AddForeignKey
ALTER TABLE "PlanningScenario" ADD CONSTRAINT "PlanningScenario_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
