import Stripe from "stripe";
import { billingAddressLines } from "../billing-address";
import { createRateLimiter, stripeOpsPerSecond, type RateLimiter } from "./rate-limiter";

/** The Stripe invoice as Tessera reads it back. */
export interface StripeInvoiceState {
  id: string;
  status: string | null;
  amountPaid: number;
  hostedUrl: string | null;
}

/**
 * A postal address as Stripe's customer holds it. Tessera's address is free text, one part per
 * line, so only what can be known is filled: the first line, the others joined, and the
 * organisation's country; no city or postcode is guessed out of the text.
 */
export interface StripeAddress {
  line1: string;
  line2: string;
  country: string;
}

/** The stored address (lines joined by "\n") as Stripe's address; null when none is on file. */
export function stripeAddressOf(address: string | null, country: string): StripeAddress | null {
  const [line1, ...rest] = billingAddressLines(address);
  if (line1 === undefined) return null;
  return { line1, line2: rest.join(", "), country };
}

/**
 * The few Stripe calls billing makes, each with the idempotency key the caller stored before the
 * first attempt, each waiting its turn under Stripe's rate limit. Only the worker tier and the
 * webhook's re-fetch use it.
 */
export interface StripeGateway {
  createCustomer(
    params: { name: string; email: string; organizationId: string },
    idempotencyKey: string,
  ): Promise<{ id: string }>;
  /** Sets the customer's address; null removes it. */
  updateCustomerAddress(
    customer: string,
    address: StripeAddress | null,
    idempotencyKey: string,
  ): Promise<{ id: string }>;
  createInvoice(
    params: { customer: string; currency: string; number: string; invoiceId: string },
    idempotencyKey: string,
  ): Promise<{ id: string }>;
  addInvoiceItem(
    params: {
      customer: string;
      invoice: string;
      currency: string;
      amount: number;
      description: string;
    },
    idempotencyKey: string,
  ): Promise<{ id: string }>;
  finalizeInvoice(id: string, idempotencyKey: string): Promise<StripeInvoiceState>;
  retrieveInvoice(id: string): Promise<StripeInvoiceState>;
}

function stateOf(invoice: Stripe.Invoice): StripeInvoiceState {
  return {
    id: invoice.id ?? "",
    status: invoice.status ?? null,
    amountPaid: invoice.amount_paid,
    hostedUrl: invoice.hosted_invoice_url ?? null,
  };
}

/**
 * A gateway over the Stripe SDK. `apiUrl` points it at another server (Stripe's own mock in
 * tests); retries are Tessera's (the sweep runs again with the same keys), not the SDK's.
 */
export function createStripeGateway(options: {
  secretKey: string;
  apiUrl?: string | null;
  limiter?: RateLimiter;
}): StripeGateway {
  const url = options.apiUrl ? new URL(options.apiUrl) : null;
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 0,
    timeout: 20_000,
    telemetry: false,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
          protocol: url.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  const limiter = options.limiter ?? createRateLimiter(stripeOpsPerSecond(options.secretKey));
  const turn = async <T>(call: () => Promise<T>): Promise<T> => {
    await limiter.take();
    return call();
  };
  return {
    createCustomer: (params, idempotencyKey) =>
      turn(() =>
        stripe.customers.create(
          {
            name: params.name,
            email: params.email,
            metadata: { organizationId: params.organizationId },
          },
          { idempotencyKey },
        ),
      ),
    updateCustomerAddress: (customer, address, idempotencyKey) =>
      turn(async () => {
        // An empty string is how Stripe's API removes a whole object.
        const updated = await stripe.customers.update(
          customer,
          { address: address ?? "" },
          { idempotencyKey },
        );
        return { id: updated.id };
      }),
    createInvoice: (params, idempotencyKey) =>
      turn(async () => {
        const invoice = await stripe.invoices.create(
          {
            customer: params.customer,
            currency: params.currency.toLowerCase(),
            collection_method: "send_invoice",
            days_until_due: 14,
            auto_advance: false,
            pending_invoice_items_behavior: "exclude",
            description: `Tessera invoice ${params.number}: your share`,
            metadata: { tesseraInvoiceId: params.invoiceId, tesseraNumber: params.number },
          },
          { idempotencyKey },
        );
        return { id: invoice.id ?? "" };
      }),
    addInvoiceItem: (params, idempotencyKey) =>
      turn(() =>
        stripe.invoiceItems.create(
          {
            customer: params.customer,
            invoice: params.invoice,
            currency: params.currency.toLowerCase(),
            amount: params.amount,
            description: params.description,
          },
          { idempotencyKey },
        ),
      ),
    finalizeInvoice: (id, idempotencyKey) =>
      turn(async () => stateOf(await stripe.invoices.finalizeInvoice(id, {}, { idempotencyKey }))),
    retrieveInvoice: (id) => turn(async () => stateOf(await stripe.invoices.retrieve(id))),
  };
}

/** Verifies a webhook's signature and parses it; throws when the signature does not hold. */
export function verifyStripeWebhook(
  payload: string,
  signature: string,
  secret: string,
): Stripe.Event {
  return Stripe.webhooks.constructEvent(payload, signature, secret);
}
