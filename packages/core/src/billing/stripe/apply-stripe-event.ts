import { Prisma, type Database, type PaymentStatus } from "@tessera/db";
import type { StripeGateway, StripeInvoiceState } from "./stripe-gateway";

/** The part of a verified Stripe event billing reads. */
export interface StripeEventInput {
  id: string;
  type: string;
  data: { object: { id?: string; object?: string } };
}

const STATUS: Record<string, PaymentStatus> = {
  open: "OPEN",
  paid: "PAID",
  void: "VOID",
  uncollectible: "UNCOLLECTIBLE",
};

export interface AppliedEvent {
  /** False for an event id seen before (a redelivery): nothing changed. */
  applied: boolean;
  status: PaymentStatus | null;
}

/**
 * Applies a verified Stripe webhook event. Order-independent: an invoice event is not trusted for
 * its content — the invoice is re-fetched from Stripe and its current state applied. The event id
 * is recorded in the same transaction as the effect, so a redelivered event changes nothing; a
 * paid invoice never goes back to open (the update skips it and a trigger refuses it).
 * `invoice.paid` covers payments made out of band too (Stripe marks those paid as well).
 */
export async function applyStripeEvent(
  database: Database,
  gateway: Pick<StripeGateway, "retrieveInvoice">,
  event: StripeEventInput,
): Promise<AppliedEvent> {
  const object = event.data.object;
  const isInvoice = event.type.startsWith("invoice.") && object.object === "invoice" && !!object.id;
  const fresh: StripeInvoiceState | null = isInvoice
    ? await gateway.retrieveInvoice(object.id!)
    : null;
  return database.$transaction(async (tx) => {
    const recorded = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      INSERT INTO "StripeEvent" ("id", "type", "objectId") VALUES (${event.id}, ${event.type}, ${object.id ?? null})
      ON CONFLICT ("id") DO NOTHING RETURNING "id"`);
    if (recorded.length === 0) return { applied: false, status: null };
    if (!fresh) return { applied: true, status: null };
    const status = fresh.status ? STATUS[fresh.status] : undefined;
    if (!status) return { applied: true, status: null };
    const paid = status === "PAID";
    await tx.$executeRaw(Prisma.sql`
      UPDATE "InvoicePayment"
         SET "status" = ${status}::"PaymentStatus",
             "paidMinor" = ${BigInt(fresh.amountPaid)}::bigint,
             "paidAt" = CASE WHEN ${paid} THEN COALESCE("paidAt", now()) ELSE "paidAt" END,
             "stripeHostedUrl" = COALESCE(${fresh.hostedUrl}::text, "stripeHostedUrl"),
             "updatedAt" = now()
       WHERE "stripeInvoiceId" = ${fresh.id} AND "status" <> 'PAID'`);
    return { applied: true, status };
  });
}
