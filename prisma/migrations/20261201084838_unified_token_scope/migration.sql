-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('READ', 'READ_WRITE');

-- AlterTable
ALTER TABLE "UnifiedToken" ADD COLUMN     "scope" "TokenScope" NOT NULL DEFAULT 'READ_WRITE';
