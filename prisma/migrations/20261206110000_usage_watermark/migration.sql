-- The billing cut: an invoice no longer stamps every usage record it bills (one row update per
-- record, the invoice run's hot path); it records the highest record id it covers. An invoice
-- covers its organisation's records with id <= usageThroughId that started before periodEnd; a
-- record no invoice covers is still to be billed.

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "usageThroughId" BIGINT;

-- Invoices finalised before: they cover what they stamped.
ALTER TABLE "Invoice" DISABLE TRIGGER "Invoice_immutable";
UPDATE "Invoice" i
   SET "usageThroughId" = s."through"
  FROM (SELECT "billedInvoiceId", max("id") AS "through" FROM "UsageRecord"
         WHERE "billedInvoiceId" IS NOT NULL GROUP BY 1) s
 WHERE s."billedInvoiceId" = i."id" AND i."kind" = 'INVOICE';
UPDATE "Invoice" SET "usageThroughId" = 0 WHERE "kind" = 'INVOICE' AND "usageThroughId" IS NULL;
ALTER TABLE "Invoice" ENABLE TRIGGER "Invoice_immutable";

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_usage_through_check"
  CHECK (("kind" = 'INVOICE') = ("usageThroughId" IS NOT NULL));

-- DropIndex
DROP INDEX "UsageRecord_organizationId_billedInvoiceId_intervalStart_idx";

-- AlterTable
ALTER TABLE "UsageRecord" DROP COLUMN "billedInvoiceId";

-- CreateIndex
CREATE INDEX "UsageRecord_organizationId_id_idx" ON "UsageRecord"("organizationId", "id");

-- Usage records are now immutable without exception.
CREATE OR REPLACE FUNCTION tessera_usage_record_guard() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'UsageRecord is immutable';
END;
$$ LANGUAGE plpgsql;

-- The cut itself: a record takes the shared side of its organisation's invoice lock (the key
-- finaliseInvoices and issueCreditNote take exclusively) before it takes its id, so the ids an
-- invoice covers are exactly the records committed when it was finalised. The id column's default
-- has already drawn a number when this runs (before the lock): it is drawn again here, after it.
-- Writers of many organisations' records insert them ordered by the lock key (hashtext of the
-- organisation id), the order finalisation locks them in, so the two never deadlock.
CREATE FUNCTION tessera_usage_record_cut() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('tessera:invoice'), hashtext(NEW."organizationId"));
  NEW."id" := nextval('"UsageRecord_id_seq"');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UsageRecord_billing_cut"
  BEFORE INSERT ON "UsageRecord"
  FOR EACH ROW EXECUTE FUNCTION tessera_usage_record_cut();
