-- AlterTable
ALTER TABLE "PlanningScenario" ADD COLUMN     "model" INTEGER NOT NULL DEFAULT 1;
