/**
 * Demo billing for the demo researcher's organisation: metered usage last month and this month
 * on its approved award (only inside the award's validity, and drawn from its quota through the
 * ledger, a hold placed and settled per record, so that billing, allocations and the programme
 * dashboard agree), last month's invoice finalised (as the scheduled sweep finalises it) and
 * marked paid through the webhook's own code path (applyStripeEvent, with the Stripe invoice read
 * back from a stand-in rather than Stripe), and this month's usage left as the live draft.
 * Idempotent: usage records have deterministic keys, a month is invoiced once and a Stripe event
 * id is applied once.
 */
import type { Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../src/actor";
import { periodBounds, periodOf, shiftPeriod } from "../src/billing/billing-period";
import { finaliseInvoice } from "../src/billing/finalise-invoice";
import { loadBillingCustomer } from "../src/billing/load-billing-customer";
import { applyStripeEvent } from "../src/billing/stripe/apply-stripe-event";
import { closeHold, placeHold } from "../src/quota/ledger";

const HOUR = 3_600;
const DAY_MS = 86_400_000;

/** Usage per resource class: units in use, hours, and how far into the month it started. */
const LAST_MONTH = [
  { code: "h100-80gb", quantity: 2, hours: 6, offsetMs: 3 * DAY_MS + 9 * HOUR * 1000 },
  { code: "cpu-core", quantity: 32, hours: 5, offsetMs: 4 * DAY_MS + 14 * HOUR * 1000 },
];
const THIS_MONTH = [{ code: "h100-80gb", quantity: 1, hours: 3, offsetMs: 60_000 }];

export async function seedBilling(
  database: Database,
  input: { organizationId: string; sellerCountry: string; now?: Date },
): Promise<{ invoiceNumber: string | null; paid: boolean }> {
  const now = input.now ?? new Date();
  const customer = await loadBillingCustomer(database, input.organizationId);
  const allocations = await database.allocation.findMany({
    where: { organizationId: input.organizationId },
    orderBy: { id: "asc" },
    include: { lines: { include: { resourceClass: true } } },
  });
  if (!customer || allocations.length === 0) return { invoiceNumber: null, paid: false };
  const project = await database.project.findFirst({
    where: { organizationId: input.organizationId },
    orderBy: { createdAt: "asc" },
  });
  const thisMonth = periodOf(now, customer.timeZone);
  const lastMonth = shiftPeriod(thisMonth, -1);
  const records = (
    [
      [lastMonth, LAST_MONTH],
      [thisMonth, THIS_MONTH],
    ] as const
  ).flatMap(([period, entries]) =>
    entries.flatMap((entry) => {
      const start = new Date(
        periodBounds(period, customer.timeZone).start.getTime() + entry.offsetMs,
      );
      const seconds = entry.hours * HOUR;
      const end = new Date(start.getTime() + seconds * 1000);
      // Usage only ever draws on an award valid while it ran (and not after now).
      const line = allocations
        .filter((a) => a.validFrom <= start && end <= a.validTo && end <= now)
        .flatMap((a) => a.lines)
        .find((l) => l.resourceClass.code === entry.code);
      if (!line) return [];
      return [
        {
          organizationId: input.organizationId,
          source: "SIM" as const,
          sourceRef: `seed:${input.organizationId}:${entry.code}`,
          intervalStart: start,
          intervalEnd: end,
          resourceClassId: line.resourceClassId,
          projectId: project?.id ?? null,
          allocationLineId: line.id,
          quantity: entry.quantity,
          unitSeconds: BigInt(entry.quantity * seconds),
          // W × s / 3.6 = mWh: the class's power draw, estimated.
          energyMilliWh: BigInt(
            Math.round((line.resourceClass.powerDrawWatts * entry.quantity * seconds) / 3.6),
          ),
          energyBasis: "ESTIMATED" as const,
        },
      ];
    }),
  );
  for (const record of records) {
    const seeded = await database.usageRecord.findUnique({
      where: {
        source_sourceRef_intervalStart: {
          source: record.source,
          sourceRef: record.sourceRef,
          intervalStart: record.intervalStart,
        },
      },
      select: { id: true },
    });
    if (seeded) continue;
    // The quota the usage consumed, through the ledger: a hold of exactly what ran, settled in
    // full, with the record in the same transaction.
    await database.$transaction(async (tx) => {
      const hold = await placeHold(tx, {
        organizationId: record.organizationId,
        allocationLineId: record.allocationLineId,
        unitSeconds: Number(record.unitSeconds),
        reference: `${record.sourceRef}:${record.intervalStart.toISOString()}`,
      });
      await closeHold(tx, {
        organizationId: record.organizationId,
        holdId: hold.holdId,
        consumed: Number(record.unitSeconds),
      });
      await tx.usageRecord.create({ data: record });
    });
  }

  const result = await finaliseInvoice(database, SYSTEM_ACTOR, {
    organizationId: input.organizationId,
    period: lastMonth,
    sellerCountry: input.sellerCountry,
    now,
  });
  if (!result) return { invoiceNumber: null, paid: false };
  const invoice = result.invoice;
  // The invoice as Stripe would have it after the push; then Stripe's "invoice.paid" event.
  const stripeInvoiceId = `in_seed_${invoice.id}`;
  await database.invoicePayment.updateMany({
    where: { invoiceId: invoice.id, stripeInvoiceId: null, status: "PENDING" },
    data: { stripeInvoiceId },
  });
  const payment = await database.invoicePayment.findUnique({ where: { invoiceId: invoice.id } });
  if (!payment?.stripeInvoiceId) return { invoiceNumber: invoice.number, paid: false };
  const paidInFull = {
    retrieveInvoice: (id: string) =>
      Promise.resolve({
        id,
        status: "paid",
        amountPaid: Number(invoice.tenantTotalMinor),
        hostedUrl: null,
      }),
  };
  await applyStripeEvent(database, paidInFull, {
    id: `evt_seed_${invoice.id}`,
    type: "invoice.paid",
    data: { object: { id: payment.stripeInvoiceId, object: "invoice" } },
  });
  const after = await database.invoicePayment.findUnique({ where: { invoiceId: invoice.id } });
  return { invoiceNumber: invoice.number, paid: after?.status === "PAID" };
}
