-- The billing cut: an invoice no longer stamps every usage record it bills (one row update per
-- record, the invoice run's hot path); it records the highest record id it covers. An invoice
-- covers its organisation's records with id <= usageThroughId that started before periodEnd, and
-- each covers at least what the one before it did (months are finalised in order), so a record
-- the organisation's latest invoice does not cover is still to be billed.

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "usageThroughId" BIGINT;

-- Invoices finalised before: each covers what it stamped and what the ones before it covered.
ALTER TABLE "Invoice" DISABLE TRIGGER "Invoice_immutable";
UPDATE "Invoice" i
   SET "usageThroughId" = s."through"
  FROM (SELECT v."id",
               max(COALESCE(b."through", 0)) OVER (PARTITION BY v."organizationId"
                 ORDER BY v."periodEnd", v."finalisedAt" ROWS UNBOUNDED PRECEDING) AS "through"
          FROM "Invoice" v
          LEFT JOIN (SELECT "billedInvoiceId", max("id") AS "through" FROM "UsageRecord"
                      WHERE "billedInvoiceId" IS NOT NULL GROUP BY 1) b
            ON b."billedInvoiceId" = v."id"
         WHERE v."kind" = 'INVOICE') s
 WHERE s."id" = i."id";
ALTER TABLE "Invoice" ENABLE TRIGGER "Invoice_immutable";

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_usage_through_check"
  CHECK (("kind" = 'INVOICE') = ("usageThroughId" IS NOT NULL));

-- Numbers are gapless per series — a kind and a year ("INV-2026") — so a sequence repeats from
-- one year to the next: the number itself is what is unique.
DROP INDEX "Invoice_kind_sequence_key";

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
