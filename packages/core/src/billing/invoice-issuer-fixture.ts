import type { InvoiceIssuer } from "./invoice-issuer";

/** The platform operator that tests' invoices are issued by (tests only). */
export const TEST_INVOICE_ISSUER: InvoiceIssuer = {
  name: "National Compute Platform GmbH",
  address: "Teststraße 5, 10115 Berlin, Germany",
  vatId: "DE123456789",
  paymentTermsDays: 30,
};
