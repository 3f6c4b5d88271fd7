/**
 * The money behind the usage chart, month by month, taken from the figures Billing already shows:
 * a closed month's invoice (the overview's invoices table) and this month's charges so far (its
 * "Charges so far" card). Nothing is priced here, so the two pages agree to the cent.
 */

/** Amounts in integer minor units, as invoices and the live draft carry them. */
export interface MonthAmounts {
  listMinor: number;
  programmeMinor: number;
  tenantNetMinor: number;
  vatMinor: number;
  tenantTotalMinor: number;
}

/** A subsidy programme and what it pays (minor units), as invoices and the live draft name them. */
export interface ProgrammeShare {
  name: string;
  programmeMinor: number;
}

export interface MonthCharges extends MonthAmounts {
  period: string;
  /** The programmes paying the month's programme share, largest first. */
  programmeShares: ProgrammeShare[];
  /** Where the figures come from: the month's invoice, or the charges so far of this month. */
  source: "invoice" | "soFar";
  /** False for an earlier month with no invoice (yet). */
  invoiced: boolean;
}

/** A run of the chart: one month with charges, or consecutive months without any. */
export type ChargeRun =
  | { kind: "month"; month: MonthCharges }
  | { kind: "empty"; from: string; to: string }
  /** Months with usage whose invoice is not issued yet: their usage is in the charges so far. */
  | { kind: "notInvoiced"; from: string; to: string };

const NONE: MonthAmounts = {
  listMinor: 0,
  programmeMinor: 0,
  tenantNetMinor: 0,
  vatMinor: 0,
  tenantTotalMinor: 0,
};

/**
 * Each of `months` ("YYYY-MM", oldest first) with its charges: the current month's from the
 * charges so far, an earlier month's from its invoices (credit notes are left to the invoices
 * table, where they are listed under the month they correct).
 */
export function chargesByMonth(
  months: readonly string[],
  invoices: readonly (MonthAmounts & {
    period: string;
    kind: "INVOICE" | "CREDIT_NOTE";
    programmeShares: readonly ProgrammeShare[];
  })[],
  current: MonthAmounts & { period: string; programmeShares: readonly ProgrammeShare[] },
): MonthCharges[] {
  return months.map((period) => {
    if (period === current.period) {
      return {
        ...pick(current),
        period,
        programmeShares: [...current.programmeShares],
        source: "soFar",
        invoiced: false,
      };
    }
    const issued = invoices.filter(
      (invoice) => invoice.kind === "INVOICE" && invoice.period === period,
    );
    const amounts = issued.reduce<MonthAmounts>(
      (sum, invoice) => ({
        listMinor: sum.listMinor + invoice.listMinor,
        programmeMinor: sum.programmeMinor + invoice.programmeMinor,
        tenantNetMinor: sum.tenantNetMinor + invoice.tenantNetMinor,
        vatMinor: sum.vatMinor + invoice.vatMinor,
        tenantTotalMinor: sum.tenantTotalMinor + invoice.tenantTotalMinor,
      }),
      NONE,
    );
    return {
      ...amounts,
      period,
      programmeShares: mergeShares(issued.map((invoice) => invoice.programmeShares)),
      source: "invoice",
      invoiced: issued.length > 0,
    };
  });
}

/** Shares of several invoices or months added up by programme, largest first (by name when equal). */
export function mergeShares(lists: readonly (readonly ProgrammeShare[])[]): ProgrammeShare[] {
  const byName = new Map<string, number>();
  for (const share of lists.flat())
    byName.set(share.name, (byName.get(share.name) ?? 0) + share.programmeMinor);
  return [...byName]
    .map(([name, programmeMinor]) => ({ name, programmeMinor }))
    .sort((a, b) => b.programmeMinor - a.programmeMinor || a.name.localeCompare(b.name));
}

function pick(amounts: MonthAmounts): MonthAmounts {
  const { listMinor, programmeMinor, tenantNetMinor, vatMinor, tenantTotalMinor } = amounts;
  return { listMinor, programmeMinor, tenantNetMinor, vatMinor, tenantTotalMinor };
}

/**
 * Invoiced months and this month stay rows of their own; consecutive months without an invoice
 * fold into one run, so empty months do not fill the chart: "No usage in Jul–Oct 2026", or, where
 * there was usage (`usedIn`) but no invoice yet, a run saying its charges are in this month's.
 */
export function runsOfCharges(
  months: readonly MonthCharges[],
  usedIn: ReadonlySet<string>,
): ChargeRun[] {
  const runs: ChargeRun[] = [];
  for (const month of months) {
    if (month.invoiced || month.source === "soFar") {
      runs.push({ kind: "month", month });
      continue;
    }
    const kind = usedIn.has(month.period) ? "notInvoiced" : "empty";
    const last = runs.at(-1);
    if (last?.kind === kind) last.to = month.period;
    else runs.push({ kind, from: month.period, to: month.period });
  }
  return runs;
}

/**
 * One scale for every month: ticks from 0 at a round step (1, 2 or 5 times a power of ten minor
 * units), the last at or above the largest amount, four or five intervals where the amounts allow.
 * With nothing to show the scale is 0 to one whole currency unit.
 */
export function moneyScale(largestMinor: number, minorPerUnit = 100): number[] {
  const top = Math.max(largestMinor, 0);
  if (top === 0) return [0, minorPerUnit];
  const rough = top / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power);
  const ticks = [0];
  while (ticks.at(-1)! < top) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

const shortMonth = (period: string, withYear: boolean) =>
  new Date(`${period}-15T12:00:00Z`).toLocaleDateString("en-GB", {
    month: "short",
    year: withYear ? "numeric" : undefined,
    timeZone: "UTC",
  });

/** "2026-11" → "Nov 2026". */
export function monthName(period: string): string {
  return shortMonth(period, true);
}

/** "Jul–Oct 2026", "Dec 2025–Feb 2026", or one month alone ("Aug 2026"). */
export function monthSpan(from: string, to: string): string {
  if (from === to) return monthName(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${shortMonth(from, !sameYear)}–${monthName(to)}`;
}
