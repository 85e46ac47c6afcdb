-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "actorId" INTEGER;
