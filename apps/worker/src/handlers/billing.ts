import { closeDueInvoices, pushCustomerAddresses, pushPendingInvoices } from "@tessera/core";
import type { HandlerContext } from "./context";

/**
 * The `billing` sweep: finalises every invoice whose month and grace period are over, then pushes
 * the tenants' shares of pending invoices to Stripe (when Stripe is configured), then the postal
 * addresses set or removed since they were last sent to the customers (after the invoices, so that a
 * customer made just now gets its address in the same sweep). Safe to run twice or concurrently: a
 * month gets one invoice, and every Stripe call carries its stored key.
 */
export async function handleBilling(
  context: HandlerContext,
): Promise<{ finalised: string[]; pushed: number; failed: number }> {
  const { finalised } = await closeDueInvoices(context.database, {
    sellerCountry: context.settings.sellerCountry,
    graceDays: context.settings.invoiceGraceDays,
    batchSize: context.settings.invoiceBatchSize,
    concurrency: context.settings.invoiceConcurrency,
  });
  if (finalised.length > 0) context.log.info("invoices finalised", { count: finalised.length });
  if (!context.stripe) return { finalised, pushed: 0, failed: 0 };
  const results = await pushPendingInvoices(context.database, context.stripe);
  const failed = results.filter((r) => r.status === "FAILED");
  for (const failure of failed) {
    context.log.warn("invoice push to Stripe failed", {
      invoiceId: failure.invoiceId,
      error: failure.error ?? null,
    });
  }
  const addresses = await pushCustomerAddresses(context.database, context.stripe);
  for (const failure of addresses.filter((r) => r.status === "FAILED")) {
    context.log.warn("billing address push to Stripe failed", {
      organizationId: failure.organizationId,
      error: failure.error ?? null,
    });
  }
  return { finalised, pushed: results.length - failed.length, failed: failed.length };
}
