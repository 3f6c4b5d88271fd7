-- An invoice or credit note stores the supplier and payment terms it was issued with, so that a
-- later change of the configuration never alters an issued document. Documents finalised before
-- this migration have none and read the configured supplier.
-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "paymentTermsDays" INTEGER,
ADD COLUMN     "supplierAddress" TEXT,
ADD COLUMN     "supplierName" TEXT,
ADD COLUMN     "supplierVatId" TEXT;
