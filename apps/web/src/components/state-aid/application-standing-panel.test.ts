import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AwardDraftContext, awardDraftOf } from "@/components/programmes/award-draft";
import type { ApplicationForAdmin } from "@/components/programmes/types";
import { ApplicationStandingPanel } from "./application-standing-panel";
import { deMinimisWithAward } from "./with-award";

/** 10,000 H100 hours requested at €2.95 and 70 %: €20,650 of aid; €30,350 received already. */
function application(approve = true): ApplicationForAdmin {
  return {
    currency: "EUR",
    subsidyRateBps: 7_000,
    organizationLimit: null,
    actions: { approve },
    lines: [
      {
        resourceClassId: "h100",
        unitHours: 10_000,
        listPriceMinorPerHour: 295,
        resourceClass: {
          name: "NVIDIA H100 80 GB",
          kind: "GPU",
          unit: "GPU",
          code: "h100-80gb",
          listPriceMinorPerHour: 295,
        },
      },
    ],
    requested: {
      listValueMinor: 2_950_000,
      programmeShareMinor: 2_065_000,
      tenantShareMinor: 885_000,
    },
    granted: null,
    otherDeMinimisAid: [],
    stateAid: {
      booked: null,
      standing: {
        undertaking: true,
        organization: { id: "o1", name: "Vela Vision Systems" },
        group: null,
        windowAfter: "2023-12-07",
        asOf: "2026-12-07",
        awardedMinor: 1_785_000,
        declaredMinor: 1_250_000,
        receivedMinor: 3_035_000,
        ceilingMinor: 30_000_000,
      },
    },
  } as unknown as ApplicationForAdmin;
}

function render(app: ApplicationForAdmin, hours: string | null) {
  const panel = createElement(ApplicationStandingPanel, { application: app });
  const html = renderToStaticMarkup(
    hours === null
      ? panel
      : createElement(
          AwardDraftContext.Provider,
          { value: awardDraftOf(app, { h100: hours }) },
          panel,
        ),
  );
  const figure = (testId: string) =>
    new RegExp(`data-testid="${testId}">([^<]*)<`).exec(html)?.[1] ?? null;
  return { html, figure };
}

describe("the state-aid panel of an application being decided", () => {
  it("shows the award entered to grant, not the request", () => {
    const { html, figure } = render(application(), "8000");
    // 8,000 × €2.95 × 70 % = €16,520; 30,350 + 16,520 = 46,870; 300,000 − 46,870 = 253,130.
    expect(figure("aid-this-award")).toBe("€16,520.00");
    expect(figure("aid-after")).toBe("€46,870.00");
    expect(figure("aid-remaining")).toBe("€253,130.00");
    expect(html).toContain("This award as entered to grant");
    expect(html).not.toContain("€20,650.00");
  });

  it("waits for valid amounts rather than show another award", () => {
    const { html, figure } = render(application(), "12000");
    expect(figure("aid-this-award")).toBeNull();
    expect(figure("aid-remaining")).toBe("€269,650.00");
    expect(html).toContain("appear once the amounts entered to grant");
  });

  it("says the figure is the request when no award is being entered", () => {
    const { html, figure } = render(application(false), null);
    expect(figure("aid-this-award")).toBe("€20,650.00");
    expect(html).toContain("This award if granted as requested");
  });
});

describe("the de minimis total with an award", () => {
  it("adds the award, and says what is left or how far above the ceiling it goes", () => {
    const standing = { receivedMinor: 29_000_000, ceilingMinor: 30_000_000 };
    expect(deMinimisWithAward(standing, 885_000)).toEqual({
      totalMinor: 29_885_000,
      leftMinor: 115_000,
      overMinor: 0,
    });
    expect(deMinimisWithAward(standing, 1_475_000)).toEqual({
      totalMinor: 30_475_000,
      leftMinor: 0,
      overMinor: 475_000,
    });
  });
});
