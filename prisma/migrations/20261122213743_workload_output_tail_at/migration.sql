-- AlterTable
ALTER TABLE "Workload" ADD COLUMN     "outputTailAt" TIMESTAMP(3);
