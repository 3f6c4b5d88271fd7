import { describe, expect, it } from "vitest";
import { grantLines, type RequestedLine } from "./grant-lines";

const requested: RequestedLine[] = [
  {
    resourceClassId: "h100",
    resourceClassName: "H100 80 GB",
    unitHours: 1_000,
    listPriceMinorPerHour: 295,
  },
  {
    resourceClassId: "cpu",
    resourceClassName: "CPU core",
    unitHours: 20_000,
    listPriceMinorPerHour: 4,
  },
];

describe("grantLines", () => {
  it("grants every line as requested when the administrator names none", () => {
    expect(grantLines(requested, undefined).map((l) => l.grantedUnitHours)).toEqual([
      1_000, 20_000,
    ]);
  });

  it("grants less where the administrator says so, and zero for a line left out", () => {
    const lines = grantLines(requested, [
      { resourceClassId: "h100", grantedUnitHours: 600 },
      { resourceClassId: "cpu", grantedUnitHours: 0 },
    ]);
    expect(lines.map((l) => l.grantedUnitHours)).toEqual([600, 0]);
  });

  it("never grants more than requested", () => {
    expect(() =>
      grantLines(requested, [{ resourceClassId: "h100", grantedUnitHours: 1_001 }]),
    ).toThrow("You can grant at most the 1000 hours of H100 80 GB that were requested.");
  });

  it("refuses classes that were not requested, duplicates, negative and fractional hours, and nothing at all", () => {
    expect(() => grantLines(requested, [{ resourceClassId: "l40s", grantedUnitHours: 1 }])).toThrow(
      /only resource classes/,
    );
    expect(() =>
      grantLines(requested, [
        { resourceClassId: "h100", grantedUnitHours: 1 },
        { resourceClassId: "h100", grantedUnitHours: 2 },
      ]),
    ).toThrow(/only once/);
    expect(() =>
      grantLines(requested, [{ resourceClassId: "h100", grantedUnitHours: -1 }]),
    ).toThrow(/whole number/);
    expect(() =>
      grantLines(requested, [{ resourceClassId: "h100", grantedUnitHours: 1.5 }]),
    ).toThrow(/whole number/);
    expect(() =>
      grantLines(requested, [
        { resourceClassId: "h100", grantedUnitHours: 0 },
        { resourceClassId: "cpu", grantedUnitHours: 0 },
      ]),
    ).toThrow(/reject the application instead/);
  });
});
