import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createFinalisedInvoice } from "../billing-fixture";
import { applyStripeEvent, type StripeEventInput } from "./apply-stripe-event";
import type { StripeInvoiceState } from "./stripe-gateway";

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function openInvoice(suffix: string) {
  const { invoice } = await createFinalisedInvoice(db);
  const stripeInvoiceId = `in_test_${suffix}_${invoice.id.slice(0, 8)}`;
  await db.invoicePayment.update({
    where: { invoiceId: invoice.id },
    data: { status: "OPEN", stripeInvoiceId },
  });
  return { invoice, stripeInvoiceId };
}

function event(id: string, type: string, stripeInvoiceId: string): StripeEventInput {
  return { id, type, data: { object: { id: stripeInvoiceId, object: "invoice" } } };
}

describe("Stripe webhooks", () => {
  it("leaves the ledger exact to the cent when every event arrives three times in shuffled order", async () => {
    const invoices = await Promise.all(["a", "b", "c"].map((s) => openInvoice(s)));
    // Stripe's current state, which the handler re-fetches: two paid, one still open.
    const stripe = new Map<string, StripeInvoiceState>();
    invoices.forEach(({ invoice, stripeInvoiceId }, index) =>
      stripe.set(stripeInvoiceId, {
        id: stripeInvoiceId,
        status: index < 2 ? "paid" : "open",
        amountPaid: index < 2 ? Number(invoice.tenantTotalMinor) : 0,
        hostedUrl: null,
      }),
    );
    const gateway = { retrieveInvoice: (id: string) => Promise.resolve(stripe.get(id)!) };
    const events = invoices.flatMap(({ stripeInvoiceId }, index) => [
      event(`evt_fin_${stripeInvoiceId}`, "invoice.finalized", stripeInvoiceId),
      event(`evt_fail_${stripeInvoiceId}`, "invoice.payment_failed", stripeInvoiceId),
      ...(index < 2 ? [event(`evt_paid_${stripeInvoiceId}`, "invoice.paid", stripeInvoiceId)] : []),
    ]);
    const deliveries = shuffled([...events, ...events, ...events], 42);
    const results = [];
    for (const delivery of deliveries) results.push(await applyStripeEvent(db, gateway, delivery));
    expect(results.filter((r) => r.applied)).toHaveLength(events.length);

    const payments = await db.invoicePayment.findMany({
      where: { invoiceId: { in: invoices.map((i) => i.invoice.id) } },
    });
    const byInvoice = new Map(payments.map((p) => [p.invoiceId, p]));
    const paidTotal = payments.reduce((sum, p) => sum + p.paidMinor, 0n);
    expect(paidTotal).toBe(
      invoices[0]!.invoice.tenantTotalMinor + invoices[1]!.invoice.tenantTotalMinor,
    );
    expect(byInvoice.get(invoices[0]!.invoice.id)).toMatchObject({ status: "PAID" });
    expect(byInvoice.get(invoices[1]!.invoice.id)).toMatchObject({ status: "PAID" });
    expect(byInvoice.get(invoices[2]!.invoice.id)).toMatchObject({ status: "OPEN", paidMinor: 0n });
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((e) => e.id) } } })).toBe(
      events.length,
    );
  });

  it("applies each event once when its three deliveries race each other, shuffled", async () => {
    const invoices = await Promise.all(["p", "q"].map((s) => openInvoice(s)));
    const stripe = new Map<string, StripeInvoiceState>(
      invoices.map(({ invoice, stripeInvoiceId }) => [
        stripeInvoiceId,
        {
          id: stripeInvoiceId,
          status: "paid",
          amountPaid: Number(invoice.tenantTotalMinor),
          hostedUrl: null,
        },
      ]),
    );
    const gateway = { retrieveInvoice: (id: string) => Promise.resolve(stripe.get(id)!) };
    const events = invoices.flatMap(({ stripeInvoiceId }) => [
      event(`evt_rfin_${stripeInvoiceId}`, "invoice.finalized", stripeInvoiceId),
      event(`evt_rpaid_${stripeInvoiceId}`, "invoice.paid", stripeInvoiceId),
    ]);
    // Every delivery at once, as Stripe's retries and a slow answer can make them.
    const results = await Promise.all(
      shuffled([...events, ...events, ...events], 7).map((delivery) =>
        applyStripeEvent(db, gateway, delivery),
      ),
    );
    expect(results.filter((r) => r.applied)).toHaveLength(events.length);
    for (const { invoice } of invoices) {
      const payment = await db.invoicePayment.findUniqueOrThrow({
        where: { invoiceId: invoice.id },
      });
      expect(payment).toMatchObject({ status: "PAID", paidMinor: invoice.tenantTotalMinor });
    }
  });

  it("never takes a paid invoice back to open, even when Stripe is read stale", async () => {
    const { invoice, stripeInvoiceId } = await openInvoice("stale");
    const paid = {
      id: stripeInvoiceId,
      status: "paid",
      amountPaid: Number(invoice.tenantTotalMinor),
      hostedUrl: null,
    };
    await applyStripeEvent(
      db,
      { retrieveInvoice: () => Promise.resolve(paid) },
      event(`evt_p_${stripeInvoiceId}`, "invoice.paid", stripeInvoiceId),
    );
    await applyStripeEvent(
      db,
      { retrieveInvoice: () => Promise.resolve({ ...paid, status: "open", amountPaid: 0 }) },
      event(`evt_o_${stripeInvoiceId}`, "invoice.finalized", stripeInvoiceId),
    );
    const payment = await db.invoicePayment.findUniqueOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({ status: "PAID", paidMinor: invoice.tenantTotalMinor });
    // The database refuses it too.
    await expect(
      db.invoicePayment.update({ where: { invoiceId: invoice.id }, data: { status: "OPEN" } }),
    ).rejects.toThrow(/stays paid/);
  });
});
