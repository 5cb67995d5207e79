-- AlterTable
ALTER TABLE "Inspection" ADD COLUMN     "disciplineOpinion" TEXT,
ADD COLUMN     "disciplineOpinionOn" DATE,
ADD COLUMN     "evaluation" TEXT;
