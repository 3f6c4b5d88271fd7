-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN     "creditsLineId" TEXT;

-- AlterTable
ALTER TABLE "InvoicePayment" ADD COLUMN     "paidMinor" BIGINT NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_creditsLineId_key" ON "InvoiceLine"("creditsLineId");

ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_creditsLineId_fkey" FOREIGN KEY ("creditsLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Finalising stamps the usage records with the new invoice's id before it writes the invoice
-- (the stamp is what fixes the set it bills): the reference is checked at commit.
ALTER TABLE "UsageRecord" ALTER CONSTRAINT "UsageRecord_billedInvoiceId_fkey" DEFERRABLE INITIALLY DEFERRED;
