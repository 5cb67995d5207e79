-- AlterTable
ALTER TABLE "Inspection" ADD COLUMN "disciplineOpinion" TEXT;
ALTER TABLE "Inspection" ADD COLUMN "disciplineOpinionOn" DATETIME;
ALTER TABLE "Inspection" ADD COLUMN "evaluation" TEXT;
