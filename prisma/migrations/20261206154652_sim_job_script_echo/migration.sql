-- AlterTable
ALTER TABLE "SimJob" ADD COLUMN     "scriptEcho" TEXT NOT NULL DEFAULT '';
