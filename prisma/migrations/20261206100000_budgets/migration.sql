-- CreateEnum
CREATE TYPE "ProgrammeBudgetMeasure" AS ENUM ('AWARDED', 'CONSUMED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'BUDGET_ALERT';
ALTER TYPE "NotificationKind" ADD VALUE 'PROGRAMME_BUDGET_ALERT';

-- AlterTable
ALTER TABLE "BillingAccount" ADD COLUMN     "monthlyBudgetCurrency" CHAR(3);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "organizationId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "thresholdPercent" INTEGER NOT NULL,
    "budgetMinor" BIGINT NOT NULL,
    "spentMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("organizationId","period","thresholdPercent")
);

-- CreateTable
CREATE TABLE "ProgrammeBudgetAlert" (
    "programmeId" TEXT NOT NULL,
    "measure" "ProgrammeBudgetMeasure" NOT NULL,
    "thresholdPercent" INTEGER NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "budgetMinor" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammeBudgetAlert_pkey" PRIMARY KEY ("programmeId","measure","thresholdPercent")
);

-- A budget is a positive amount with its currency, or no budget at all.
ALTER TABLE "BillingAccount" ADD CONSTRAINT "BillingAccount_budget_check"
  CHECK (("monthlyBudgetMinor" IS NULL) = ("monthlyBudgetCurrency" IS NULL)
         AND ("monthlyBudgetMinor" IS NULL OR "monthlyBudgetMinor" > 0));

-- AddForeignKey
ALTER TABLE "BudgetAlert" ADD CONSTRAINT "BudgetAlert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetAlert" ADD CONSTRAINT "BudgetAlert_values_check"
  CHECK ("thresholdPercent" IN (50, 80, 100)
         AND "period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
         AND "budgetMinor" > 0 AND "spentMinor" >= 0);

-- AddForeignKey
ALTER TABLE "ProgrammeBudgetAlert" ADD CONSTRAINT "ProgrammeBudgetAlert_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProgrammeBudgetAlert" ADD CONSTRAINT "ProgrammeBudgetAlert_values_check"
  CHECK ("thresholdPercent" BETWEEN 1 AND 100 AND "budgetMinor" > 0 AND "amountMinor" >= 0);
