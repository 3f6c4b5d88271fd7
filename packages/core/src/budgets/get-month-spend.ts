import type { InvoiceLineDraft } from "../billing/build-invoice";
import { getInvoiceDraft } from "../billing/get-invoice-draft";
import type { SqlClient } from "../billing/sql-client";

export interface MonthSpend {
  /** The billing month in the organisation's time zone ("YYYY-MM") and its bounds. */
  period: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  /** The currency the month's charges are in (the billing currency). */
  currency: string;
  /**
   * What a budget counts: the tenant's share, before VAT, of this month's own usage, rated as the
   * live draft ("Charges so far") rates it, endpoints' open windows and running jobs up to now
   * included. The programme's share is not the organisation's money, VAT is not spending, and
   * late usage of an earlier month belongs to that month.
   */
  spentMinor: bigint;
}

/** The organisation's spend so far in the billing month `now` falls in. */
export async function getMonthSpend(
  database: SqlClient,
  input: { organizationId: string; sellerCountry: string; now: Date },
): Promise<MonthSpend> {
  return (await readMonthSpend(database, input)).spend;
}

/** getMonthSpend with the live draft's lines it is summed from (all of them, late usage too). */
export async function readMonthSpend(
  database: SqlClient,
  input: { organizationId: string; sellerCountry: string; now: Date },
): Promise<{ spend: MonthSpend; lines: InvoiceLineDraft[] }> {
  const draft = await getInvoiceDraft(database, { ...input, accruing: true });
  const spend: MonthSpend = {
    period: draft.period,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    timeZone: draft.timeZone,
    currency: draft.currency,
    spentMinor: draft.lines
      .filter((line) => line.usagePeriod === draft.period)
      .reduce((sum, line) => sum + line.tenantMinor, 0n),
  };
  return { spend, lines: draft.lines };
}
