import { describe, expect, it } from "vitest";
import { grantLines, type RequestedLine } from "./grant-lines";

const requested: RequestedLine[] = [
  {
    resourceClassId: "h100",
    resourceClassName: "H100 80 GB",
    kind: "GPU",
    unit: "GPU",
    unitHours: 1_000,
    listPriceMinorPerHour: 295,
  },
  {
    resourceClassId: "cpu",
    resourceClassName: "CPU core",
    kind: "CPU",
    unit: "CPU core",
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
    ).toThrow("You can grant at most 1,000 GPU-hours of H100 80 GB, what was requested.");
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

  it("speaks of millions of tokens for a token tier", () => {
    const tokens: RequestedLine[] = [
      {
        resourceClassId: "chat",
        resourceClassName: "Shared 8B chat model — tokens",
        kind: "TOKENS",
        unit: "token",
        unitHours: 2,
        listPriceMinorPerHour: 40,
      },
    ];
    expect(grantLines(tokens, [{ resourceClassId: "chat", grantedUnitHours: 1 }])[0]).toMatchObject(
      {
        grantedUnitHours: 1,
      },
    );
    expect(() => grantLines(tokens, [{ resourceClassId: "chat", grantedUnitHours: 3 }])).toThrow(
      "You can grant at most 2 million tokens of Shared 8B chat model — tokens, what was requested.",
    );
    expect(() => grantLines(tokens, [{ resourceClassId: "chat", grantedUnitHours: 0.5 }])).toThrow(
      "Enter a whole number of millions of tokens to grant for Shared 8B chat model — tokens, from 0 to the 2 million tokens requested.",
    );
    expect(() => grantLines(tokens, [{ resourceClassId: "chat", grantedUnitHours: 0 }])).toThrow(
      "Grant at least a million tokens, or reject the application instead.",
    );
  });
});
