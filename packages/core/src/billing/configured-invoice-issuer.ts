import { serverEnv } from "@tessera/config";
import type { InvoiceIssuer } from "./invoice-issuer";

/**
 * The platform operator that issues invoices, as the configuration names it now. Finalising an
 * invoice or a credit note stores it on the document (see issuerOf).
 */
export function configuredInvoiceIssuer(): InvoiceIssuer {
  const env = serverEnv();
  return {
    name: env.BILLING_SUPPLIER_NAME,
    address: env.BILLING_SUPPLIER_ADDRESS,
    vatId: env.BILLING_SUPPLIER_VAT_ID,
    paymentTermsDays: env.INVOICE_PAYMENT_TERMS_DAYS,
  };
}
