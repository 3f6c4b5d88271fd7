import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createFinalisedInvoice } from "../billing-fixture";
import { pushInvoiceToStripe } from "./push-invoice-to-stripe";
import { createStripeGateway, verifyStripeWebhook, type StripeGateway } from "./stripe-gateway";
import Stripe from "stripe";

// Stripe's own mock server (stripe-mock): it validates every request against Stripe's API.
const MOCK_URL = process.env.TESSERA_TEST_STRIPE_URL ?? "http://127.0.0.1:12111";
const SECRET_KEY = "sk_test_123";

/** A gateway that notes the idempotency key of every call it passes on. */
function recording(gateway: StripeGateway) {
  const keys: string[] = [];
  const wrapped: StripeGateway = {
    createCustomer: (p, key) => (keys.push(key), gateway.createCustomer(p, key)),
    updateCustomerAddress: (c, a, key) => (
      keys.push(key),
      gateway.updateCustomerAddress(c, a, key)
    ),
    createInvoice: (p, key) => (keys.push(key), gateway.createInvoice(p, key)),
    addInvoiceItem: (p, key) => (keys.push(key), gateway.addInvoiceItem(p, key)),
    finalizeInvoice: (id, key) => (keys.push(key), gateway.finalizeInvoice(id, key)),
    retrieveInvoice: (id) => gateway.retrieveInvoice(id),
  };
  return { wrapped, keys };
}

describe("pushing the tenant's share to Stripe (against stripe-mock)", () => {
  it("makes the customer, an invoice of the tenant's share only and finalises it, every call keyed from the stored key", async () => {
    const { fixture, invoice } = await createFinalisedInvoice(db, { unitSeconds: 5 * 3_600 });
    const before = await db.invoicePayment.findUniqueOrThrow({ where: { invoiceId: invoice.id } });
    // The key exists before the first attempt.
    expect(before).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(before.idempotencyKey).toBe(`tessera-invoice-${invoice.id}`);
    const { wrapped, keys } = recording(
      createStripeGateway({ secretKey: SECRET_KEY, apiUrl: MOCK_URL }),
    );
    const result = await pushInvoiceToStripe(db, wrapped, invoice.id);
    expect(result).toMatchObject({ status: "OPEN" });
    expect(result.stripeInvoiceId).toMatch(/^in_/);
    expect(keys).toEqual([
      `tessera-customer-${fixture.organizationId}`,
      `${before.idempotencyKey}:invoice`,
      `${before.idempotencyKey}:line:1`,
      `${before.idempotencyKey}:vat`,
      `${before.idempotencyKey}:finalize`,
    ]);
    const after = await db.invoicePayment.findUniqueOrThrow({ where: { invoiceId: invoice.id } });
    expect(after).toMatchObject({
      status: "OPEN",
      attempts: 1,
      stripeInvoiceId: result.stripeInvoiceId,
    });
    const account = await db.billingAccount.findUniqueOrThrow({
      where: { organizationId: fixture.organizationId },
    });
    expect(account.stripeCustomerId).toMatch(/^cus_/);
    // Pushed once: a second push changes nothing.
    expect((await pushInvoiceToStripe(db, wrapped, invoice.id)).status).toBe("SKIPPED");
  });

  it("sends only the tenant's share: one item per line's tenant amount and one for VAT", async () => {
    const { invoice } = await createFinalisedInvoice(db, { unitSeconds: 5 * 3_600 });
    const items: number[] = [];
    const gateway = createStripeGateway({ secretKey: SECRET_KEY, apiUrl: MOCK_URL });
    await pushInvoiceToStripe(
      db,
      {
        ...gateway,
        addInvoiceItem: (p, key) => (items.push(p.amount), gateway.addInvoiceItem(p, key)),
      },
      invoice.id,
    );
    const lines = await db.invoiceLine.findMany({ where: { invoiceId: invoice.id } });
    expect(items).toEqual([...lines.map((l) => Number(l.tenantMinor)), Number(invoice.vatMinor)]);
    expect(BigInt(items.reduce((a, b) => a + b, 0))).toBe(invoice.tenantTotalMinor);
  });

  it("keeps the invoice pending with the error when Stripe cannot be reached, and retries with the same key", async () => {
    const { invoice } = await createFinalisedInvoice(db, { unitSeconds: 5 * 3_600 });
    const down = createStripeGateway({ secretKey: SECRET_KEY, apiUrl: "http://127.0.0.1:1" });
    const failed = await pushInvoiceToStripe(db, down, invoice.id);
    expect(failed.status).toBe("FAILED");
    const stuck = await db.invoicePayment.findUniqueOrThrow({ where: { invoiceId: invoice.id } });
    expect(stuck).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(stuck.lastError).toBeTruthy();
    const { wrapped, keys } = recording(
      createStripeGateway({ secretKey: SECRET_KEY, apiUrl: MOCK_URL }),
    );
    expect((await pushInvoiceToStripe(db, wrapped, invoice.id)).status).toBe("OPEN");
    expect(keys[1]).toBe(`${stuck.idempotencyKey}:invoice`);
  });

  it("accepts a correctly signed webhook and refuses a forged one", () => {
    const secret = "whsec_tessera_test";
    const payload = JSON.stringify({
      id: "evt_1",
      object: "event",
      type: "invoice.paid",
      data: { object: { id: "in_1", object: "invoice" } },
    });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(verifyStripeWebhook(payload, header, secret).id).toBe("evt_1");
    expect(() => verifyStripeWebhook(payload.replace("in_1", "in_2"), header, secret)).toThrow();
    expect(() => verifyStripeWebhook(payload, header, "whsec_other")).toThrow();
  });
});
