import { describe, expect, it } from "vitest";
import {
  chargesByMonth,
  mergeShares,
  moneyScale,
  monthSpan,
  runsOfCharges,
} from "./charges-by-month";

const NAIC = "National AI Compute Programme 2026";

/** A month's or an invoice's amounts, its programme share paid by NAIC. */
const amounts = (listMinor: number, programmeMinor: number, vatMinor = 0) => ({
  listMinor,
  programmeMinor,
  tenantNetMinor: listMinor - programmeMinor,
  vatMinor,
  tenantTotalMinor: listMinor - programmeMinor + vatMinor,
  programmeShares: programmeMinor === 0 ? [] : [{ name: NAIC, programmeMinor }],
});

const months = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"];

describe("chargesByMonth", () => {
  const november = { ...amounts(4_180, 2_926), period: "2026-11", kind: "INVOICE" as const };
  const credit = { ...amounts(-500, -350), period: "2026-11", kind: "CREDIT_NOTE" as const };
  const current = { ...amounts(2, 1), period: "2026-12" };

  it("takes a closed month from its invoice and this month from the charges so far, to the cent", () => {
    const charges = chargesByMonth(months, [november, credit], current);
    expect(charges.find((month) => month.period === "2026-11")).toEqual({
      ...amounts(4_180, 2_926),
      period: "2026-11",
      source: "invoice",
      invoiced: true,
    });
    expect(charges.at(-1)).toEqual({
      ...amounts(2, 1),
      period: "2026-12",
      source: "soFar",
      invoiced: false,
    });
    expect(charges.find((month) => month.period === "2026-08")).toMatchObject({
      listMinor: 0,
      invoiced: false,
    });
  });

  it("names the programmes that pay each month, a month's invoices added up by programme", () => {
    const green = { name: "Green Compute Call", programmeMinor: 3_000 };
    const charges = chargesByMonth(
      ["2026-11", "2026-12"],
      [
        { ...november, programmeShares: [{ name: NAIC, programmeMinor: 1_000 }, green] },
        { ...november, programmeShares: [{ name: NAIC, programmeMinor: 2_500 }] },
      ],
      { ...current, programmeShares: [] },
    );
    expect(charges.map((month) => month.programmeShares)).toEqual([
      [{ name: NAIC, programmeMinor: 3_500 }, green],
      [],
    ]);
  });

  it("keeps VAT apart from the shares, so programme + your net share = list", () => {
    const [month] = chargesByMonth(
      ["2026-11"],
      [{ ...amounts(1_000, 700, 63), period: "2026-11", kind: "INVOICE" }],
      current,
    );
    expect(month!.programmeMinor + month!.tenantNetMinor).toBe(month!.listMinor);
    expect(month!.tenantTotalMinor).toBe(363);
  });
});

describe("runsOfCharges", () => {
  const label = (run: ReturnType<typeof runsOfCharges>[number]) =>
    run.kind === "month" ? run.month.period : `${run.kind} ${run.from}..${run.to}`;

  it("folds consecutive months without usage into one run and keeps this month", () => {
    const charges = chargesByMonth(
      months,
      [{ ...amounts(4_180, 2_926), period: "2026-11", kind: "INVOICE" }],
      { ...amounts(0, 0), period: "2026-12" },
    );
    expect(runsOfCharges(charges, new Set(["2026-11"])).map(label)).toEqual([
      "empty 2026-07..2026-10",
      "2026-11",
      "2026-12",
    ]);
  });

  it("says a month with usage but no invoice yet apart from a month without usage", () => {
    const charges = chargesByMonth(months, [], { ...amounts(900, 630), period: "2026-12" });
    expect(runsOfCharges(charges, new Set(["2026-10", "2026-11"])).map(label)).toEqual([
      "empty 2026-07..2026-09",
      "notInvoiced 2026-10..2026-11",
      "2026-12",
    ]);
  });
});

describe("mergeShares", () => {
  it("adds shares up by programme, largest first and by name when equal", () => {
    expect(
      mergeShares([
        [
          { name: "B", programmeMinor: 100 },
          { name: "A", programmeMinor: 50 },
        ],
        [{ name: "A", programmeMinor: 50 }],
        [{ name: "C", programmeMinor: 150 }],
      ]),
    ).toEqual([
      { name: "C", programmeMinor: 150 },
      { name: "A", programmeMinor: 100 },
      { name: "B", programmeMinor: 100 },
    ]);
    expect(mergeShares([])).toEqual([]);
  });
});

describe("moneyScale", () => {
  it("gives every month one scale, from 0 to at least the largest amount, in round steps", () => {
    expect(moneyScale(4_180)).toEqual([0, 2_000, 4_000, 6_000]);
    expect(moneyScale(640)).toEqual([0, 200, 400, 600, 800]);
    expect(moneyScale(1_000)).toEqual([0, 500, 1_000]);
  });

  it("never steps by less than a cent, and shows 0 to €1 when there is nothing", () => {
    expect(moneyScale(3)).toEqual([0, 1, 2, 3]);
    expect(moneyScale(0)).toEqual([0, 100]);
  });
});

describe("monthSpan", () => {
  it("names a run of months in words, with the year once when it does not change", () => {
    expect(monthSpan("2026-07", "2026-10")).toBe("Jul–Oct 2026");
    expect(monthSpan("2025-12", "2026-02")).toBe("Dec 2025–Feb 2026");
    expect(monthSpan("2026-08", "2026-08")).toBe("Aug 2026");
  });
});
