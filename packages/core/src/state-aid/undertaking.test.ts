import { describe, expect, it } from "vitest";
import { ceilingRefusal, formatDay, withinCeiling } from "./ceiling";
import { checkDeclaredAid } from "./declared-aid";
import { inWindow, isUndertaking, parseDay, stateAidDay, threeYearWindow } from "./undertaking";

describe("isUndertaking", () => {
  it("counts startups, SMEs and enterprises always, universities and public bodies only when they act economically", () => {
    for (const kind of ["STARTUP", "SME", "ENTERPRISE"] as const) {
      expect(isUndertaking({ kind, actsEconomically: false })).toBe(true);
    }
    for (const kind of ["ACADEMIC", "PUBLIC_BODY"] as const) {
      expect(isUndertaking({ kind, actsEconomically: false })).toBe(false);
      expect(isUndertaking({ kind, actsEconomically: true })).toBe(true);
    }
  });
});

describe("threeYearWindow", () => {
  it("runs from the day after the same date three years earlier through the award date", () => {
    const window = threeYearWindow("2026-12-05");
    expect(window).toEqual({ after: "2023-12-05", through: "2026-12-05" });
    expect(inWindow("2023-12-05", window)).toBe(false);
    expect(inWindow("2023-12-06", window)).toBe(true);
    expect(inWindow("2026-12-05", window)).toBe(true);
    expect(inWindow("2026-12-06", window)).toBe(false);
  });

  it("looks back from 29 February to 28 February", () => {
    expect(threeYearWindow("2028-02-29")).toEqual({ after: "2025-02-28", through: "2028-02-29" });
  });

  it("refuses a day that does not exist", () => {
    expect(() => threeYearWindow("2026-02-30")).toThrow(RangeError);
  });
});

describe("days", () => {
  it("reads only real calendar days", () => {
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("5 Dec 2026")).toBeNull();
  });

  it("dates an award by the calendar in Brussels", () => {
    // 23:30 UTC on 5 December is already 6 December in Brussels.
    expect(stateAidDay(new Date("2026-12-05T23:30:00Z"))).toBe("2026-12-06");
    expect(stateAidDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(formatDay("2026-12-05")).toBe("5 December 2026 (Brussels time)");
  });
});

describe("the ceiling", () => {
  const figures = {
    receivedMinor: 29_000_000n,
    awardMinor: 2_000_000n,
    ceilingMinor: 30_000_000n,
    day: "2026-12-05",
  };

  it("allows reaching the ceiling exactly, not crossing it", () => {
    expect(withinCeiling({ ...figures, awardMinor: 1_000_000n })).toBe(true);
    expect(withinCeiling({ ...figures, awardMinor: 1_000_001n })).toBe(false);
  });

  it("refuses with the figures and what is left", () => {
    expect(ceilingRefusal("Lumen Robotics", figures)).toBe(
      "€290,000.00 already received in the three years to 5 December 2026 (Brussels time) + €20,000.00 for this award = €310,000.00, above the €300,000.00 de minimis ceiling. Lumen Robotics can receive at most €10,000.00 more as the programme's share: grant less, or reject the application.",
    );
    expect(ceilingRefusal("Lumen Robotics", { ...figures, receivedMinor: 30_000_000n })).toContain(
      "Lumen Robotics has no de minimis aid left in this period",
    );
  });
});

describe("checkDeclaredAid", () => {
  const today = "2026-12-05";
  const aid = {
    grantor: "  Regional Development Agency ",
    amountMinor: 1_250_000,
    grantedOn: "2025-03-01",
  };

  it("keeps entries trimmed and in order", () => {
    expect(checkDeclaredAid([aid], today)).toEqual([
      { grantor: "Regional Development Agency", amountMinor: 1_250_000, grantedOn: "2025-03-01" },
    ]);
    expect(checkDeclaredAid([], today)).toEqual([]);
  });

  it("refuses amounts that are not a positive number of cents, up to €1 billion", () => {
    for (const amountMinor of [0, -5_000]) {
      expect(() => checkDeclaredAid([{ ...aid, amountMinor }], today)).toThrow(
        "Other aid 1: the amount must be more than €0.00.",
      );
    }
    for (const amountMinor of [1.5, 100_000_000_001, Number.MAX_SAFE_INTEGER, 1e20]) {
      expect(() => checkDeclaredAid([{ ...aid, amountMinor }], today)).toThrow(
        "Other aid 1: the amount must be in whole euro cents, at most 1,000,000,000 euros.",
      );
    }
    expect(checkDeclaredAid([{ ...aid, amountMinor: 100_000_000_000 }], today)).toHaveLength(1);
  });

  it("refuses dates in the future, older than three years, or not real", () => {
    expect(() => checkDeclaredAid([{ ...aid, grantedOn: "2026-12-06" }], today)).toThrow(
      "cannot be in the future",
    );
    expect(() => checkDeclaredAid([{ ...aid, grantedOn: "2023-12-05" }], today)).toThrow(
      "after 5 December 2023 (Brussels time)",
    );
    expect(checkDeclaredAid([{ ...aid, grantedOn: "2023-12-06" }], today)).toHaveLength(1);
    expect(() => checkDeclaredAid([{ ...aid, grantedOn: "2026-02-30" }], today)).toThrow(
      "not a real date",
    );
  });

  it("refuses a missing grantor, a repeated entry and too many entries", () => {
    expect(() => checkDeclaredAid([{ ...aid, grantor: " " }], today)).toThrow(
      "name who granted it",
    );
    expect(() =>
      checkDeclaredAid([aid, { ...aid, grantor: "regional development agency" }], today),
    ).toThrow("Other aid 2 repeats other aid 1");
    expect(() =>
      checkDeclaredAid(
        Array.from({ length: 21 }, (_, i) => ({ ...aid, amountMinor: i + 1 })),
        today,
      ),
    ).toThrow("at most 20");
  });
});
