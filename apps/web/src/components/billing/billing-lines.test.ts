import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BillingLines } from "./billing-lines";
import type { CurrentCharges } from "./types";

type Line = CurrentCharges["lines"][number];

const line = (position: number, overrides: Partial<Line> = {}): Line => ({
  position,
  kind: "USAGE",
  usagePeriod: "2026-12",
  resourceClassCode: `h100-${position}`,
  resourceClassName: "NVIDIA H100 80GB",
  resourceKind: "GPU",
  unit: "GPU",
  description: "",
  unitSeconds: 36_000,
  tokens: 0,
  unitHours: "10.000",
  minorPerUnitHour: 250,
  listMinor: 2_500,
  programmeMinor: 2_500,
  tenantMinor: 0,
  energyMilliWh: 7_000_000,
  energyMeasured: true,
  programmeName: "National AI Compute 2026",
  accruingUnitSeconds: 0,
  accruingUnitHours: "0.000",
  energySettled: true,
  ...overrides,
});

const totals = (overrides: Partial<CurrentCharges> = {}) => ({
  currency: "EUR",
  listMinor: 2_500,
  programmeMinor: 2_500,
  tenantNetMinor: 0,
  vatMinor: 0,
  vatRateBps: 2_100,
  vatLabel: "VAT 21 % (Belgium)",
  vatNote: "VAT of Belgium at 21 %: the supplier and the customer are both established in Belgium.",
  tenantTotalMinor: 0,
  energyMilliWh: 7_000_000,
  programmeShares: [{ name: "National AI Compute 2026", programmeMinor: 2_500 }],
  ...overrides,
});

const render = (lines: Line[], figures: ReturnType<typeof totals>) =>
  renderToStaticMarkup(createElement(BillingLines, { caption: "Lines", lines, totals: figures }));

/** The text of the elements with this test id (tags inside dropped). */
const byTestId = (html: string, testId: string) =>
  [...html.matchAll(new RegExp(`<(\\w+)[^>]*data-testid="${testId}"[^>]*>(.*?)</\\1>`, "g"))].map(
    (match) => match[2]!.replace(/<[^>]+>/g, ""),
  );

/** The terms and details of the totals, as "term: detail". */
const totalsOf = (html: string) =>
  [...html.matchAll(/<dt[^>]*>(.*?)<\/dt>\s*<dd[^>]*>(.*?)<\/dd>/g)].map(
    (match) => `${match[1]!.replace(/<[^>]+>/g, "")}: ${match[2]!.replace(/<[^>]+>/g, "")}`,
  );

describe("the lines and totals of the live draft and of invoices", () => {
  it("names the programme that pays, as finalised invoices do", () => {
    const html = render([line(1)], totals());
    expect(totalsOf(html)).toContain("Paid by National AI Compute 2026: €25.00");
    expect(html).not.toContain("Paid by the programme:");
  });

  it("names each programme on its lines when several pay", () => {
    const html = render(
      [line(1), line(2, { programmeName: "Startup Compute Vouchers" })],
      totals({
        listMinor: 5_000,
        programmeMinor: 5_000,
        programmeShares: [
          { name: "National AI Compute 2026", programmeMinor: 2_500 },
          { name: "Startup Compute Vouchers", programmeMinor: 2_500 },
        ],
      }),
    );
    expect(byTestId(html, "line-programme-name")).toEqual([
      "by National AI Compute 2026",
      "by Startup Compute Vouchers",
    ]);
    expect(totalsOf(html)).toContain(
      "Paid by National AI Compute 2026 and Startup Compute Vouchers: €50.00",
    );
  });

  it("shows a zero VAT line as applied to nothing, and says there is nothing to pay, when the programme pays everything", () => {
    const html = render([line(1)], totals());
    const figures = totalsOf(html);
    expect(figures).toContain("VAT 21 % (Belgium) on €0.00: €0.00");
    expect(figures).not.toContain("VAT 21 % (Belgium): €0.00");
    expect(byTestId(html, "nothing-to-pay")).toEqual([
      "Nothing to pay: National AI Compute 2026 covers the whole list value, so your share and its VAT are zero.",
    ]);
  });

  it("keeps the plain VAT line and no such note when the organisation pays a share", () => {
    const html = render(
      [line(1, { programmeMinor: 1_250, tenantMinor: 1_250 })],
      totals({
        programmeMinor: 1_250,
        tenantNetMinor: 1_250,
        vatMinor: 263,
        tenantTotalMinor: 1_513,
        programmeShares: [{ name: "National AI Compute 2026", programmeMinor: 1_250 }],
      }),
    );
    expect(totalsOf(html)).toContain("VAT 21 % (Belgium): €2.63");
    expect(byTestId(html, "nothing-to-pay")).toEqual([]);
    expect(byTestId(html, "line-programme-name")).toEqual([]);
  });

  it("marks the total energy ≈ when one line's energy is an estimate", () => {
    expect(totalsOf(render([line(1)], totals()))).toContain("Energy: 7.0 kWh");
    const estimated = render([line(1), line(2, { energyMeasured: false })], totals());
    expect(totalsOf(estimated)).toContain("Energy: ≈ 7.0 kWh");
    const open = render([line(1, { energySettled: false })], totals());
    expect(totalsOf(open)).toContain("Energy: ≈ 7.0 kWh");
  });

  it("says how a shared model's energy is worked out only when a line has a shared model's tokens", () => {
    expect(byTestId(render([line(1)], totals()), "shared-energy-note")).toEqual([]);
    const tokens = line(2, {
      resourceKind: "TOKENS",
      resourceClassName: "Shared 8B chat model — tokens",
      unitSeconds: 0,
      tokens: 162,
      energyMeasured: false,
    });
    const [note] = byTestId(render([line(1), tokens], totals()), "shared-energy-note");
    expect(note).toContain("shared out by tokens among all its callers");
    expect(note).toContain("idle time is not shared out to callers");
    expect(note).toContain("it stays with the platform operator");
  });
});
