import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApplicationLinesCard } from "./application-cards";

const gpu = { id: "rc1", code: "h100-80gb", name: "NVIDIA H100 80 GB", kind: "GPU", unit: "GPU" };
const priced = (unitHours: number, list: number, programme: number) => ({
  unitHours,
  listValueMinor: list,
  programmeShareMinor: programme,
  tenantShareMinor: list - programme,
});

const card = (granted: boolean) =>
  renderToStaticMarkup(
    createElement(ApplicationLinesCard, {
      subsidyRateBps: 7_000,
      application: {
        currency: "EUR",
        lines: [{ resourceClass: gpu as never }],
        pricing: {
          lines: [
            {
              resourceClassId: "rc1",
              listPriceMinorPerHour: 295,
              requested: priced(12_000, 3_540_000, 2_478_000),
              granted: granted ? priced(6_000, 1_770_000, 1_239_000) : null,
            },
          ],
          requested: priced(0, 3_740_000, 2_618_000),
          granted: granted ? priced(0, 1_770_000, 1_239_000) : null,
        },
        abstract: "",
        justification: "",
      },
    }),
  );

describe("an application's compute, as reviewers and administrators read it", () => {
  it("says the requested totals in one line above the table, in view on a phone", () => {
    const html = card(false);
    const summary =
      "Requested value €37,400.00: the programme pays €26,180.00, the organisation pays €11,220.00.";
    expect(html).toContain(summary);
    expect(html.indexOf(summary)).toBeLessThan(html.indexOf("<table"));
  });

  it("adds the granted totals once it is decided", () => {
    expect(card(true)).toContain(
      "Granted value €17,700.00: the programme pays €12,390.00, the organisation pays €5,310.00.",
    );
  });
});
