/** Addresses of the billing pages and downloads. */
const e = encodeURIComponent;

export const billingRoutes = {
  billing: (organizationId: string) => `/orgs/${e(organizationId)}/billing`,
  usage: (organizationId: string) => `/orgs/${e(organizationId)}/billing/usage`,
  budget: (organizationId: string) => `/orgs/${e(organizationId)}/billing/budget`,
  details: (organizationId: string) => `/orgs/${e(organizationId)}/billing/details`,
  /** The postal address field on the billing details page. */
  addressField: (organizationId: string) =>
    `/orgs/${e(organizationId)}/billing/details#billing-address`,
  invoice: (organizationId: string, invoiceId: string) =>
    `/orgs/${e(organizationId)}/billing/invoices/${e(invoiceId)}`,
  invoicePdf: (organizationId: string, invoiceId: string) =>
    `/orgs/${e(organizationId)}/billing/invoices/${e(invoiceId)}/pdf`,
  invoiceCsv: (organizationId: string, invoiceId: string) =>
    `/orgs/${e(organizationId)}/billing/invoices/${e(invoiceId)}/csv`,
  statement: (programmeId: string, month?: string) =>
    `/admin/programmes/${e(programmeId)}/statement${month ? `?month=${e(month)}` : ""}`,
};
