import { describe, expect, it } from "vitest";
import { auditDetail } from "./audit-detail";

describe("an audit row's detail", () => {
  it("says a class's list price before and after, in its currency", () => {
    expect(
      auditDetail("resource_class.price_changed", {
        code: "h100-80gb",
        currency: "EUR",
        changes: { listPriceMinorPerHour: { from: 295, to: 350 } },
      }),
    ).toBe("List price €2.95 → €3.50");
  });

  it("says it as a plain amount for an event that did not record the currency", () => {
    expect(
      auditDetail("resource_class.price_changed", {
        changes: { listPriceMinorPerHour: { from: 295, to: 0 } },
      }),
    ).toBe("List price 2.95 → 0.00");
  });

  it("says nothing for other events, or data of another shape", () => {
    expect(
      auditDetail("resource_class.updated", {
        changes: { listPriceMinorPerHour: { from: 295, to: 350 } },
      }),
    ).toBeNull();
    expect(auditDetail("resource_class.price_changed", null)).toBeNull();
    expect(
      auditDetail("resource_class.price_changed", {
        changes: { listPriceMinorPerHour: { from: "295", to: 350 } },
      }),
    ).toBeNull();
  });
});
