-- CreateEnum
CREATE TYPE "UsageSource" AS ENUM ('SLURM_ACCOUNTING', 'SIM', 'K8S_SAMPLER', 'GATEWAY_TOKENS');

-- CreateEnum
CREATE TYPE "EnergyBasis" AS ENUM ('MEASURED', 'ESTIMATED');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "VatTreatment" AS ENUM ('DOMESTIC', 'EU_CONSUMER', 'REVERSE_CHARGE', 'OUTSIDE_EU');

-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('USAGE', 'LATE_USAGE', 'CREDIT');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('NOT_DUE', 'PENDING', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE');

-- CreateTable
CREATE TABLE "UsageRecord" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "source" "UsageSource" NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "intervalStart" TIMESTAMP(3) NOT NULL,
    "intervalEnd" TIMESTAMP(3) NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "workloadId" TEXT,
    "projectId" TEXT,
    "allocationLineId" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitSeconds" BIGINT NOT NULL,
    "tokensIn" BIGINT,
    "tokensOut" BIGINT,
    "model" TEXT,
    "apiKeyId" TEXT,
    "energyMilliWh" BIGINT NOT NULL,
    "energyBasis" "EnergyBasis" NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "billedInvoiceId" TEXT,

    CONSTRAINT "UsageRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceVersion" (
    "id" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "minorPerUnitHour" INTEGER NOT NULL,
    "minorPerMillionTokens" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingAccount" (
    "organizationId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "vatId" TEXT,
    "vatIdValidatedAt" TIMESTAMP(3),
    "billingEmail" TEXT,
    "monthlyBudgetMinor" BIGINT,
    "stripeCustomerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BillingAccount_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "number" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "listMinor" BIGINT NOT NULL,
    "programmeMinor" BIGINT NOT NULL,
    "tenantNetMinor" BIGINT NOT NULL,
    "vatTreatment" "VatTreatment" NOT NULL,
    "vatCountry" CHAR(2) NOT NULL,
    "vatRateBps" INTEGER NOT NULL,
    "vatMinor" BIGINT NOT NULL,
    "tenantTotalMinor" BIGINT NOT NULL,
    "energyMilliWh" BIGINT NOT NULL,
    "creditsInvoiceId" TEXT,
    "reason" TEXT,
    "customerName" TEXT NOT NULL,
    "customerCountry" CHAR(2) NOT NULL,
    "customerVatId" TEXT,
    "finalisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finalisedById" TEXT,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoicePeriodClaim" (
    "organizationId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoicePeriodClaim_pkey" PRIMARY KEY ("organizationId","period")
);

-- CreateTable
CREATE TABLE "InvoiceNumberSeries" (
    "series" TEXT NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InvoiceNumberSeries_pkey" PRIMARY KEY ("series")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InvoiceLineKind" NOT NULL,
    "usagePeriod" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "resourceClassCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priceVersionId" TEXT,
    "allocationId" TEXT,
    "allocationLineId" TEXT,
    "unitSeconds" BIGINT NOT NULL,
    "tokens" BIGINT NOT NULL DEFAULT 0,
    "minorPerUnitHour" INTEGER NOT NULL,
    "listMinor" BIGINT NOT NULL,
    "programmeMinor" BIGINT NOT NULL,
    "tenantMinor" BIGINT NOT NULL,
    "energyMilliWh" BIGINT NOT NULL,
    "energyBasis" "EnergyBasis" NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoicePayment" (
    "invoiceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "idempotencyKey" TEXT NOT NULL,
    "stripeInvoiceId" TEXT,
    "stripeHostedUrl" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "pushedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvoicePayment_pkey" PRIMARY KEY ("invoiceId")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageRecord_organizationId_billedInvoiceId_intervalStart_idx" ON "UsageRecord"("organizationId", "billedInvoiceId", "intervalStart");

-- CreateIndex
CREATE INDEX "UsageRecord_organizationId_intervalStart_idx" ON "UsageRecord"("organizationId", "intervalStart");

-- CreateIndex
CREATE INDEX "UsageRecord_workloadId_idx" ON "UsageRecord"("workloadId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRecord_source_sourceRef_intervalStart_key" ON "UsageRecord"("source", "sourceRef", "intervalStart");

-- CreateIndex
CREATE UNIQUE INDEX "PriceVersion_resourceClassId_effectiveFrom_key" ON "PriceVersion"("resourceClassId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_organizationId_finalisedAt_idx" ON "Invoice"("organizationId", "finalisedAt");

-- CreateIndex
CREATE INDEX "Invoice_creditsInvoiceId_idx" ON "Invoice"("creditsInvoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_kind_sequence_key" ON "Invoice"("kind", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "InvoicePeriodClaim_invoiceId_key" ON "InvoicePeriodClaim"("invoiceId");

-- CreateIndex
CREATE INDEX "InvoiceLine_allocationId_idx" ON "InvoiceLine"("allocationId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InvoicePayment_idempotencyKey_key" ON "InvoicePayment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "InvoicePayment_stripeInvoiceId_key" ON "InvoicePayment"("stripeInvoiceId");

-- CreateIndex
CREATE INDEX "InvoicePayment_status_updatedAt_idx" ON "InvoicePayment"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Foreign keys to other domains, declared here so their schema files stay as they are. RESTRICT:
-- billing records outlive nothing they refer to.
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_resourceClassId_fkey" FOREIGN KEY ("resourceClassId") REFERENCES "ResourceClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_allocationLineId_fkey" FOREIGN KEY ("allocationLineId") REFERENCES "AllocationLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_billedInvoiceId_fkey" FOREIGN KEY ("billedInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_interval_check" CHECK ("intervalEnd" >= "intervalStart" AND "unitSeconds" >= 0 AND "energyMilliWh" >= 0 AND "quantity" >= 0);
ALTER TABLE "PriceVersion" ADD CONSTRAINT "PriceVersion_resourceClassId_fkey" FOREIGN KEY ("resourceClassId") REFERENCES "ResourceClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PriceVersion" ADD CONSTRAINT "PriceVersion_price_check" CHECK ("minorPerUnitHour" >= 0 AND ("minorPerMillionTokens" IS NULL OR "minorPerMillionTokens" >= 0));
ALTER TABLE "BillingAccount" ADD CONSTRAINT "BillingAccount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditsInvoiceId_fkey" FOREIGN KEY ("creditsInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_totals_check" CHECK ("listMinor" = "programmeMinor" + "tenantNetMinor" AND "tenantTotalMinor" = "tenantNetMinor" + "vatMinor");
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_shares_check" CHECK ("listMinor" = "programmeMinor" + "tenantMinor");
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoicePeriodClaim" ADD CONSTRAINT "InvoicePeriodClaim_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Usage records are immutable, except that finalising an invoice stamps an unbilled record with
-- the invoice's id, once.
CREATE FUNCTION tessera_usage_record_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."billedInvoiceId" IS NULL
       AND NEW."billedInvoiceId" IS NOT NULL
       AND (to_jsonb(NEW) - 'billedInvoiceId') = (to_jsonb(OLD) - 'billedInvoiceId') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'UsageRecord is immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UsageRecord_immutable"
  BEFORE UPDATE OR DELETE ON "UsageRecord"
  FOR EACH ROW EXECUTE FUNCTION tessera_usage_record_guard();
CREATE TRIGGER "UsageRecord_no_truncate"
  BEFORE TRUNCATE ON "UsageRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_usage_record_guard();

-- Price versions, finalised invoices and their lines never change: corrections are credit notes.
CREATE FUNCTION tessera_billing_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is immutable once written', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PriceVersion_immutable" BEFORE UPDATE OR DELETE ON "PriceVersion"
  FOR EACH ROW EXECUTE FUNCTION tessera_billing_immutable();
CREATE TRIGGER "Invoice_immutable" BEFORE UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION tessera_billing_immutable();
CREATE TRIGGER "InvoiceLine_immutable" BEFORE UPDATE OR DELETE ON "InvoiceLine"
  FOR EACH ROW EXECUTE FUNCTION tessera_billing_immutable();
CREATE TRIGGER "InvoicePeriodClaim_immutable" BEFORE UPDATE OR DELETE ON "InvoicePeriodClaim"
  FOR EACH ROW EXECUTE FUNCTION tessera_billing_immutable();
CREATE TRIGGER "Invoice_no_truncate" BEFORE TRUNCATE ON "Invoice"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_billing_immutable();
CREATE TRIGGER "InvoiceLine_no_truncate" BEFORE TRUNCATE ON "InvoiceLine"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_billing_immutable();

-- Paid never goes back to open (or to anything else).
CREATE FUNCTION tessera_invoice_payment_guard() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'PAID' AND NEW."status" <> 'PAID' THEN
    RAISE EXCEPTION 'A paid invoice stays paid';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "InvoicePayment_paid_stays_paid" BEFORE UPDATE ON "InvoicePayment"
  FOR EACH ROW EXECUTE FUNCTION tessera_invoice_payment_guard();

-- A resource class's list price is its current price: the class starts with a version valid from
-- the beginning, and every change of the price opens a new version from that moment, so a price
-- change never reprices usage before it. Operators may also schedule versions ahead.
CREATE FUNCTION tessera_price_version_follow() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "PriceVersion" ("id", "resourceClassId", "effectiveFrom", "currency", "minorPerUnitHour")
    VALUES (gen_random_uuid()::text, NEW."id", TIMESTAMP '1970-01-01 00:00:00', NEW."currency",
            NEW."listPriceMinorPerHour");
  ELSIF NEW."listPriceMinorPerHour" IS DISTINCT FROM OLD."listPriceMinorPerHour" THEN
    INSERT INTO "PriceVersion" ("id", "resourceClassId", "effectiveFrom", "currency", "minorPerUnitHour")
    VALUES (gen_random_uuid()::text, NEW."id", clock_timestamp() AT TIME ZONE 'UTC', NEW."currency",
            NEW."listPriceMinorPerHour");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ResourceClass_price_version_insert" AFTER INSERT ON "ResourceClass"
  FOR EACH ROW EXECUTE FUNCTION tessera_price_version_follow();
CREATE TRIGGER "ResourceClass_price_version_update" AFTER UPDATE OF "listPriceMinorPerHour" ON "ResourceClass"
  FOR EACH ROW EXECUTE FUNCTION tessera_price_version_follow();

INSERT INTO "PriceVersion" ("id", "resourceClassId", "effectiveFrom", "currency", "minorPerUnitHour")
SELECT gen_random_uuid()::text, "id", TIMESTAMP '1970-01-01 00:00:00', "currency", "listPriceMinorPerHour"
  FROM "ResourceClass";
