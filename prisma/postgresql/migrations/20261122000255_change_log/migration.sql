-- DropForeignKey
ALTER TABLE "EligibilityException" DROP CONSTRAINT "EligibilityException_reserveCode_fkey";

-- DropForeignKey
ALTER TABLE "RecommendationVote" DROP CONSTRAINT "RecommendationVote_reserveCode_fkey";

-- DropForeignKey
ALTER TABLE "SelectionScore" DROP CONSTRAINT "SelectionScore_reserveCode_fkey";

-- DropTable
DROP TABLE "EligibilityException";

-- DropTable
DROP TABLE "RecommendationVote";

-- DropTable
DROP TABLE "SelectionScore";

-- DropTable
DROP TABLE "Scenario";

-- DropEnum
DROP TYPE "VoterGroup";

-- DropEnum
DROP TYPE "ScoreRound";

-- CreateTable
CREATE TABLE "ChangeLog" (
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entity" TEXT NOT NULL,
    "keys" TEXT,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("seq")
);

-- Written by hand (docs/decisions/010): every committed change-log row wakes the readers of
-- other processes (LISTEN reserve_changes), so an idle server catches up without a request.
-- A rule rather than a trigger function: this migration runner splits scripts at semicolons.
CREATE RULE "ChangeLog_notify" AS ON INSERT TO "ChangeLog" DO ALSO NOTIFY reserve_changes;
