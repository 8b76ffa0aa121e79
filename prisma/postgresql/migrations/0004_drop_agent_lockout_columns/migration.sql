-- AlterTable
ALTER TABLE "Agent" DROP COLUMN "failedSignIns",
DROP COLUMN "lockedUntil";

