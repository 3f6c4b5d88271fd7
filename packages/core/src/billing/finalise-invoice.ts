import type { Database, Invoice } from "@tessera/db";
import type { Actor } from "../actor";
import { finaliseInvoices } from "./finalise-invoices";

export interface FinalisedInvoice {
  invoice: Invoice;
  /** False when the month already had its invoice (another run made it). */
  created: boolean;
}

/**
 * Finalises an organisation's invoice for a billing month that is over (finaliseInvoices for one
 * month): the month's invoice when it already has one (created: false), null when there is
 * nothing to bill (or a later month is invoiced already), PRECONDITION_FAILED while the month is
 * not over.
 */
export async function finaliseInvoice(
  database: Database,
  actor: Actor,
  input: { organizationId: string; period: string; sellerCountry: string; now?: Date },
): Promise<FinalisedInvoice | null> {
  const [result] = await finaliseInvoices(database, actor, {
    items: [{ organizationId: input.organizationId, period: input.period }],
    sellerCountry: input.sellerCountry,
    ...(input.now ? { now: input.now } : {}),
  });
  if (!result) return null;
  const invoice = await database.invoice.findUniqueOrThrow({ where: { id: result.invoiceId } });
  return { invoice, created: result.created };
}
