import { Prisma, type Database } from "@tessera/db";
import { formatMoney } from "../../programmes/money";
import { toSafeNumber } from "../../programmes/money";
import { loadBillingCustomer } from "../load-billing-customer";
import type { StripeGateway } from "./stripe-gateway";

export interface PushResult {
  invoiceId: string;
  status: "OPEN" | "NOT_DUE" | "SKIPPED" | "FAILED";
  stripeInvoiceId: string | null;
  error?: string;
}

/**
 * Pushes the tenant's share of one finalised invoice to Stripe: the organisation's Customer (made
 * once), an invoice with one item per line the tenant pays and one for VAT, finalised. Every call
 * carries a key derived from the idempotency key stored with the invoice's payment record at
 * finalisation — before the first attempt — so a retry after a crash makes nothing twice. Only
 * the worker tier calls this.
 */
export async function pushInvoiceToStripe(
  database: Database,
  gateway: StripeGateway,
  invoiceId: string,
): Promise<PushResult> {
  const payment = await database.invoicePayment.findUnique({ where: { invoiceId } });
  if (!payment || payment.status !== "PENDING") {
    return { invoiceId, status: "SKIPPED", stripeInvoiceId: payment?.stripeInvoiceId ?? null };
  }
  const invoice = await database.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (invoice.tenantTotalMinor <= 0n) {
    await database.invoicePayment.updateMany({
      where: { invoiceId, status: "PENDING" },
      data: { status: "NOT_DUE" },
    });
    return { invoiceId, status: "NOT_DUE", stripeInvoiceId: null };
  }
  const key = payment.idempotencyKey;
  await database.invoicePayment.update({
    where: { invoiceId },
    data: { attempts: { increment: 1 } },
  });
  try {
    const customer = await loadBillingCustomer(database, invoice.organizationId);
    let customerId = customer?.stripeCustomerId ?? null;
    if (!customerId) {
      const created = await gateway.createCustomer(
        {
          name: invoice.customerName,
          email: customer?.billingEmail ?? "",
          organizationId: invoice.organizationId,
        },
        `tessera-customer-${invoice.organizationId}`,
      );
      customerId = created.id;
      await database.$executeRaw(Prisma.sql`
        INSERT INTO "BillingAccount" ("organizationId", "stripeCustomerId", "updatedAt")
        VALUES (${invoice.organizationId}, ${customerId}, now())
        ON CONFLICT ("organizationId") DO UPDATE
          SET "stripeCustomerId" = COALESCE("BillingAccount"."stripeCustomerId", EXCLUDED."stripeCustomerId"),
              "updatedAt" = now()`);
    }
    const stripeInvoice = await gateway.createInvoice(
      { customer: customerId, currency: invoice.currency, number: invoice.number, invoiceId },
      `${key}:invoice`,
    );
    for (const line of invoice.lines) {
      if (line.tenantMinor === 0n) continue;
      await gateway.addInvoiceItem(
        {
          customer: customerId,
          invoice: stripeInvoice.id,
          currency: invoice.currency,
          amount: toSafeNumber(line.tenantMinor),
          description: `${line.description} — your share (list ${formatMoney(line.listMinor, invoice.currency)}, programme pays ${formatMoney(line.programmeMinor, invoice.currency)})`,
        },
        `${key}:line:${line.position}`,
      );
    }
    if (invoice.vatMinor !== 0n) {
      await gateway.addInvoiceItem(
        {
          customer: customerId,
          invoice: stripeInvoice.id,
          currency: invoice.currency,
          amount: toSafeNumber(invoice.vatMinor),
          description: `VAT ${(invoice.vatRateBps / 100).toFixed(2)} % (${invoice.vatCountry})`,
        },
        `${key}:vat`,
      );
    }
    const finalized = await gateway.finalizeInvoice(stripeInvoice.id, `${key}:finalize`);
    // A webhook may already have said more (paid): only a pending record becomes open.
    await database.invoicePayment.updateMany({
      where: { invoiceId, status: "PENDING" },
      data: {
        status: "OPEN",
        stripeInvoiceId: stripeInvoice.id,
        stripeHostedUrl: finalized.hostedUrl,
        pushedAt: new Date(),
        lastError: null,
      },
    });
    await database.invoicePayment.updateMany({
      where: { invoiceId, stripeInvoiceId: null },
      data: { stripeInvoiceId: stripeInvoice.id },
    });
    return { invoiceId, status: "OPEN", stripeInvoiceId: stripeInvoice.id };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await database.invoicePayment.update({
      where: { invoiceId },
      data: { lastError: message.slice(0, 500) },
    });
    return { invoiceId, status: "FAILED", stripeInvoiceId: null, error: message };
  }
}

/** The sweep: pushes every pending invoice, oldest first, a page at a time. */
export async function pushPendingInvoices(
  database: Database,
  gateway: StripeGateway,
  options: { limit?: number } = {},
): Promise<PushResult[]> {
  const pending = await database.invoicePayment.findMany({
    where: { status: "PENDING" },
    orderBy: { updatedAt: "asc" },
    take: options.limit ?? 50,
    select: { invoiceId: true },
  });
  const results: PushResult[] = [];
  for (const { invoiceId } of pending) {
    results.push(await pushInvoiceToStripe(database, gateway, invoiceId));
  }
  return results;
}
