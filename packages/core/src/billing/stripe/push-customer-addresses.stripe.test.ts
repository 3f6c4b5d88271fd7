import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { billingTenantOf, createBillingFixture, type BillingFixture } from "../billing-fixture";
import { clearBillingAddress, setBillingAddress } from "../set-billing-address";
import { pushCustomerAddresses } from "./push-customer-addresses";
import { createStripeGateway, type StripeAddress, type StripeGateway } from "./stripe-gateway";

// Stripe's own mock server (stripe-mock): it validates every request against Stripe's API.
const MOCK_URL = process.env.TESSERA_TEST_STRIPE_URL ?? "http://127.0.0.1:12111";
const SECRET_KEY = "sk_test_123";
const stripe = createStripeGateway({ secretKey: SECRET_KEY, apiUrl: MOCK_URL });

interface AddressCall {
  customer: string;
  address: StripeAddress | null;
  key: string;
}

/** The gateway against stripe-mock, noting every address it sends; `during` runs inside a call. */
function recording(during?: () => Promise<unknown>) {
  const calls: AddressCall[] = [];
  const gateway: StripeGateway = {
    ...stripe,
    updateCustomerAddress: async (customer, address, key) => {
      calls.push({ customer, address, key });
      await during?.();
      return stripe.updateCustomerAddress(customer, address, key);
    },
  };
  return { gateway, calls };
}

const tenantOf = (fixture: BillingFixture) => billingTenantOf(db, fixture);

/** An organisation whose Stripe customer exists (made on stripe-mock, as the first push does). */
async function withCustomer(country: string) {
  const fixture = await createBillingFixture(db, { country });
  const { id } = await stripe.createCustomer(
    { name: "Billing Lab", email: "billing@example.test", organizationId: fixture.organizationId },
    `tessera-customer-${fixture.organizationId}`,
  );
  expect(id).toMatch(/^cus_/);
  await db.billingAccount.upsert({
    where: { organizationId: fixture.organizationId },
    create: { organizationId: fixture.organizationId, stripeCustomerId: id },
    update: { stripeCustomerId: id },
  });
  return { fixture, tenant: tenantOf(fixture), customerId: id };
}

const pendingSince = async (organizationId: string) =>
  (await db.billingAccount.findUniqueOrThrow({ where: { organizationId } }))
    .stripeAddressPendingSince;

const callsFor = (calls: AddressCall[], customer: string) =>
  calls.filter((call) => call.customer === customer);

describe("sending the postal address to the Stripe customer (against stripe-mock)", () => {
  it("sends the first line, the others joined and the organisation's country, once per change", async () => {
    const { fixture, tenant, customerId } = await withCustomer("PL");
    const organizationId = fixture.organizationId;
    await setBillingAddress(tenant, SYSTEM_ACTOR, {
      address: "ul. Piotrkowska 104\nlokal 5, II piętro\n90-926 Łódź",
    });
    const marked = await pendingSince(organizationId);
    expect(marked).toBeInstanceOf(Date);

    const { gateway, calls } = recording();
    const results = await pushCustomerAddresses(db, gateway);
    expect(results.find((r) => r.organizationId === organizationId)).toEqual({
      organizationId,
      status: "SENT",
    });
    expect(callsFor(calls, customerId)).toEqual([
      {
        customer: customerId,
        address: {
          line1: "ul. Piotrkowska 104",
          line2: "lokal 5, II piętro, 90-926 Łódź",
          country: "PL",
        },
        key: `tessera-customer-address-${organizationId}-${marked!.getTime()}`,
      },
    ]);
    expect(await pendingSince(organizationId)).toBeNull();
    // Sent: the next sweep sends nothing more for it.
    const again = recording();
    await pushCustomerAddresses(db, again.gateway);
    expect(callsFor(again.calls, customerId)).toEqual([]);
  });

  it("removes the customer's address when the organisation removes its own", async () => {
    const { fixture, tenant, customerId } = await withCustomer("DE");
    await setBillingAddress(tenant, SYSTEM_ACTOR, { address: "Hauptstraße 5\n10115 Berlin" });
    await pushCustomerAddresses(db, stripe);
    await clearBillingAddress(tenant, SYSTEM_ACTOR);
    const { gateway, calls } = recording();
    const results = await pushCustomerAddresses(db, gateway);
    expect(results.find((r) => r.organizationId === fixture.organizationId)?.status).toBe("SENT");
    expect(callsFor(calls, customerId).map((call) => call.address)).toEqual([null]);
    expect(await pendingSince(fixture.organizationId)).toBeNull();
  });

  it("never loses a change made while the previous one is being sent", async () => {
    const { fixture, tenant, customerId } = await withCustomer("AT");
    await setBillingAddress(tenant, SYSTEM_ACTOR, { address: "Ringstraße 1\n1010 Wien" });
    const first = recording(() =>
      setBillingAddress(tenant, SYSTEM_ACTOR, { address: "Mariahilfer Straße 1\n1060 Wien" }),
    );
    await pushCustomerAddresses(db, first.gateway);
    expect(await pendingSince(fixture.organizationId)).not.toBeNull();
    const second = recording();
    await pushCustomerAddresses(db, second.gateway);
    const [sent] = callsFor(second.calls, customerId);
    expect(sent?.address).toEqual({
      line1: "Mariahilfer Straße 1",
      line2: "1060 Wien",
      country: "AT",
    });
    // A new change, a new key: Stripe never answers it with the earlier change's result.
    expect(sent?.key).not.toBe(callsFor(first.calls, customerId)[0]?.key);
    expect(await pendingSince(fixture.organizationId)).toBeNull();
  });

  it("keeps the change to send when Stripe cannot be reached, and waits for a customer that does not exist yet", async () => {
    const { fixture, tenant } = await withCustomer("FR");
    await setBillingAddress(tenant, SYSTEM_ACTOR, { address: "1 rue de Rivoli\n75001 Paris" });
    const down = createStripeGateway({ secretKey: SECRET_KEY, apiUrl: "http://127.0.0.1:1" });
    const failed = await pushCustomerAddresses(db, down);
    const failure = failed.find((r) => r.organizationId === fixture.organizationId);
    expect(failure?.status).toBe("FAILED");
    expect(failure?.error).toBeTruthy();
    expect(await pendingSince(fixture.organizationId)).not.toBeNull();

    const noCustomer = await createBillingFixture(db);
    await setBillingAddress(tenantOf(noCustomer), SYSTEM_ACTOR, {
      address: "Hauptstraße 5\n10115 Berlin",
    });
    const results = await pushCustomerAddresses(db, stripe);
    expect(results.find((r) => r.organizationId === fixture.organizationId)?.status).toBe("SENT");
    expect(results.some((r) => r.organizationId === noCustomer.organizationId)).toBe(false);
    expect(await pendingSince(noCustomer.organizationId)).not.toBeNull();
  });
});
