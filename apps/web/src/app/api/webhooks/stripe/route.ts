import { serverEnv } from "@tessera/config";
import { applyStripeEvent, createStripeGateway, verifyStripeWebhook } from "@tessera/core";
import { db } from "@tessera/db";

const NO_STORE = { "cache-control": "no-store" };

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * Stripe's webhook: the signature is verified over the raw body before anything is read; the
 * event is applied by re-fetching the invoice it names (order-independent), its id recorded in
 * the same transaction as the effect (a redelivery changes nothing).
 */
export async function POST(request: Request): Promise<Response> {
  const env = serverEnv();
  if (!env.STRIPE_WEBHOOK_SECRET || !env.STRIPE_SECRET_KEY) {
    return answer(503, { error: "Stripe is not configured on this installation." });
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) return answer(400, { error: "The Stripe-Signature header is missing." });
  const payload = await request.text();
  let event;
  try {
    event = verifyStripeWebhook(payload, signature, env.STRIPE_WEBHOOK_SECRET);
  } catch {
    return answer(400, { error: "The signature does not match this payload." });
  }
  const gateway = createStripeGateway({
    secretKey: env.STRIPE_SECRET_KEY,
    apiUrl: env.STRIPE_API_URL,
  });
  try {
    const result = await applyStripeEvent(db, gateway, {
      id: event.id,
      type: event.type,
      data: { object: event.data.object },
    });
    return answer(200, { received: true, applied: result.applied });
  } catch (error) {
    console.error("Stripe webhook failed:", error);
    // Stripe retries a non-2xx answer: the event is applied later, once.
    return answer(503, { error: "The event could not be applied now; Stripe will retry." });
  }
}
