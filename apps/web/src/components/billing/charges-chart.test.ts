import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { chargesByMonth, type ProgrammeShare } from "./charges-by-month";
import { ChargesChart } from "./charges-chart";

const NAIC = "National AI Compute Programme 2026";
const GREEN = "Green Compute Call";

/** A month's figures: list 1,000 minor units, its programme shares as given, no VAT. */
const month = (period: string, programmeShares: ProgrammeShare[]) => {
  const programmeMinor = programmeShares.reduce((sum, share) => sum + share.programmeMinor, 0);
  return {
    period,
    listMinor: 1_000,
    programmeMinor,
    tenantNetMinor: 1_000 - programmeMinor,
    vatMinor: 0,
    tenantTotalMinor: 1_000 - programmeMinor,
    programmeShares,
  };
};

function render(november: ProgrammeShare[], december: ProgrammeShare[]) {
  const charges = chargesByMonth(
    ["2026-11", "2026-12"],
    [{ ...month("2026-11", november), kind: "INVOICE" }],
    month("2026-12", december),
  );
  const usage = { timeZone: "UTC", months: [], resourceClasses: [], byMonth: [], byProject: [] };
  return renderToStaticMarkup(createElement(ChargesChart, { charges, currency: "EUR", usage }));
}

/** The text of the elements of a tag (tags inside dropped). */
const textsOf = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, "g"))].map((match) =>
    match[1]!.replace(/<[^>]+>/g, ""),
  );

describe("the chart of charges by month", () => {
  it("names the programme that pays in its key, in each bar's words and in its table", () => {
    const html = render(
      [{ name: NAIC, programmeMinor: 700 }],
      [{ name: NAIC, programmeMinor: 500 }],
    );
    expect(textsOf(html, "li")).toContain(`Paid by ${NAIC}`);
    expect(textsOf(html, "title")).toEqual([
      `Nov 2026: €10.00 list value: €7.00 paid by ${NAIC}, €3.00 paid by you`,
      `Dec 2026: €10.00 list value: €5.00 paid by ${NAIC}, €5.00 paid by you`,
    ]);
    expect(textsOf(html, "th")).toContain(`Paid by ${NAIC}`);
    expect(html).not.toMatch(/[Pp]aid by the programme|Programme pays/);
  });

  it("names each programme when several pay, and which paid each month in the table", () => {
    const html = render(
      [{ name: NAIC, programmeMinor: 700 }],
      [
        { name: GREEN, programmeMinor: 600 },
        { name: NAIC, programmeMinor: 100 },
      ],
    );
    // NAIC pays 800 of the months shown, the Green call 600: largest first.
    expect(textsOf(html, "li")).toContain(`Paid by ${NAIC} and ${GREEN}`);
    expect(textsOf(html, "title")[1]).toBe(
      `Dec 2026: €10.00 list value: €7.00 paid by ${GREEN} and ${NAIC}, €3.00 paid by you`,
    );
    expect(textsOf(html, "th")).toContain(`Paid by ${NAIC} and ${GREEN}`);
    expect(textsOf(html, "td")).toEqual(
      expect.arrayContaining([`€7.00by ${NAIC}`, `€7.00by ${GREEN} and ${NAIC}`]),
    );
  });

  it("says the programme unnamed where none pays", () => {
    const html = render([], []);
    expect(textsOf(html, "li")).toContain("Paid by the programme");
    expect(textsOf(html, "title")[0]).toBe(
      "Nov 2026: €10.00 list value: €0.00 paid by the programme, €10.00 paid by you",
    );
  });
});
