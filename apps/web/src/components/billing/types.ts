import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the billing procedures return, as pages receive them. */
type Outputs = inferRouterOutputs<AppRouter>;

export type CurrentCharges = Outputs["billing"]["current"];
export type InvoicePage = Outputs["billing"]["invoices"];
export type InvoiceSummary = InvoicePage["items"][number];
export type InvoiceView = Outputs["billing"]["invoice"];
export type BillingLine = InvoiceView["lines"][number];
export type PaymentStatus = InvoiceSummary["payment"]["status"];
export type UsageSummary = Outputs["billing"]["usage"];
export type ProgrammeStatement = Outputs["billing"]["programmeStatement"];
export type Budget = Outputs["billing"]["budget"];
export type UsageCell = Omit<UsageSummary["byMonth"][number], "period" | "resourceClassId">;
