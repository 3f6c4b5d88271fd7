import { serverEnv } from "@tessera/config";
import type { InvoiceIssuer } from "@tessera/core";

/** The platform operator that issues invoices, as the configuration names it. */
export function invoiceIssuer(): InvoiceIssuer {
  const env = serverEnv();
  return {
    name: env.BILLING_SUPPLIER_NAME,
    address: env.BILLING_SUPPLIER_ADDRESS,
    vatId: env.BILLING_SUPPLIER_VAT_ID,
    paymentTermsDays: env.INVOICE_PAYMENT_TERMS_DAYS,
  };
}
