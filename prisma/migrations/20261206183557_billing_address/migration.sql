-- EU invoices name the customer's postal address: the organisation's billing settings hold it, and
-- an invoice or credit note stores the one it was issued with. Documents finalised before this
-- migration have none (never today's address).
-- AlterTable
ALTER TABLE "BillingAccount" ADD COLUMN     "billingAddress" TEXT;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "customerAddress" TEXT;
