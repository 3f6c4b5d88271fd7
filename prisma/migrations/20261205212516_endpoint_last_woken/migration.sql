-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "lastWokenAt" TIMESTAMP(3);
