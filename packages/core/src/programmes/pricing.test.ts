import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceAward, priceLines, priceQuantity, programmeShareOfUsage, rateOf } from "./pricing";

const line = (unitHours: number, listPriceMinorPerHour: number, resourceClassId = "rc") => ({
  resourceClassId,
  unitHours,
  listPriceMinorPerHour,
});

describe("priceLines", () => {
  it("splits a line exactly when the rate divides evenly", () => {
    // 1,000 H100-hours at €2.95 with a 70 % subsidy.
    const priced = priceLines([line(1_000, 295)], 7_000);
    expect(priced.lines[0]).toMatchObject({
      listValueMinor: 295_000,
      programmeShareMinor: 206_500,
      tenantShareMinor: 88_500,
    });
    expect(priced.totals).toEqual({
      listValueMinor: 295_000,
      programmeShareMinor: 206_500,
      tenantShareMinor: 88_500,
    });
  });

  it("rounds an exact half of a minor unit to the even neighbour", () => {
    // 1 hour at 5 minor units, 50 %: 2.5 → 2 for the programme, 3 for the tenant.
    expect(priceLines([line(1, 5)], 5_000).lines[0]).toMatchObject({
      programmeShareMinor: 2,
      tenantShareMinor: 3,
    });
    // 1 hour at 7 minor units, 50 %: 3.5 → 4 for the programme, 3 for the tenant.
    expect(priceLines([line(1, 7)], 5_000).lines[0]).toMatchObject({
      programmeShareMinor: 4,
      tenantShareMinor: 3,
    });
  });

  it("rounds other fractions to the nearest minor unit", () => {
    // 3 × 11 = 33 at 33.33 %: 10.9989 → 11; at 1 bp: 0.0033 → 0.
    expect(priceLines([line(3, 11)], 3_333).lines[0]!.programmeShareMinor).toBe(11);
    expect(priceLines([line(3, 11)], 1).lines[0]!.programmeShareMinor).toBe(0);
  });

  it("rounds once per line and totals are plain sums of the lines", () => {
    const priced = priceLines([line(1, 5, "a"), line(1, 5, "b"), line(1, 7, "c")], 5_000);
    expect(priced.lines.map((l) => l.programmeShareMinor)).toEqual([2, 2, 4]);
    expect(priced.totals).toEqual({
      listValueMinor: 17,
      programmeShareMinor: 8,
      tenantShareMinor: 9,
    });
    for (const priced_line of priced.lines)
      expect(priced_line.programmeShareMinor + priced_line.tenantShareMinor).toBe(
        priced_line.listValueMinor,
      );
  });

  it("handles the edges: no subsidy, full subsidy, free classes, no lines", () => {
    expect(priceLines([line(10, 295)], 0).totals.programmeShareMinor).toBe(0);
    expect(priceLines([line(10, 295)], 10_000).totals.tenantShareMinor).toBe(0);
    expect(priceLines([line(10, 0)], 5_000).totals.listValueMinor).toBe(0);
    expect(priceLines([], 5_000).totals).toEqual({
      listValueMinor: 0,
      programmeShareMinor: 0,
      tenantShareMinor: 0,
    });
  });

  it("stays exact for large awards", () => {
    // 10 million GPU-hours at €29.99 with 1 bp subsidy.
    const priced = priceLines([line(10_000_000, 2_999)], 1);
    expect(priced.totals.listValueMinor).toBe(29_990_000_000);
    expect(priced.totals.programmeShareMinor).toBe(2_999_000);
  });

  it("refuses rates outside 0–10,000 bp and negative or fractional quantities", () => {
    expect(() => priceLines([line(1, 1)], -1)).toThrow(/basis points/);
    expect(() => priceLines([line(1, 1)], 10_001)).toThrow(/basis points/);
    expect(() => priceLines([line(1, 1)], 12.5)).toThrow(/basis points/);
    expect(() => priceLines([line(-1, 1)], 100)).toThrow(/whole number of hours/);
    expect(() => priceLines([line(1.5, 1)], 100)).toThrow(/whole number of hours/);
    expect(() => priceLines([line(1, -1)], 100)).toThrow(/list price/);
  });
});

describe("programmeShareOfUsage", () => {
  it("prices unit-seconds at a per-hour price and rounds half-even once", () => {
    // One hour at 295 with 70 %: 206.5 → 206 (even).
    expect(programmeShareOfUsage(3_600n, 295, 7_000, "GPU")).toBe(206n);
    // 30 minutes at 295 with 100 %: 147.5 → 148 (even).
    expect(programmeShareOfUsage(1_800n, 295, 10_000, "GPU")).toBe(148n);
    expect(programmeShareOfUsage(0n, 295, 7_000, "GPU")).toBe(0n);
  });
});

describe("priceQuantity", () => {
  it("prices whole hours exactly and rounds only the programme's share", () => {
    // 600 H100-hours at €2.95 with 70 %: €1,770.00, the programme pays €1,239.00.
    expect(priceQuantity(600 * 3_600, 295, 7_000, "GPU")).toEqual({
      listValueMinor: 177_000,
      programmeShareMinor: 123_900,
      tenantShareMinor: 53_100,
    });
  });

  it("rounds a part-hour's list value half-even, then splits that rounded value", () => {
    // 1.5 GPU-hours at 295: 442.5 → 442 (even); 70 % of 442 = 309.4 → 309; the rest 133.
    expect(priceQuantity(5_400, 295, 7_000, "GPU")).toEqual({
      listValueMinor: 442,
      programmeShareMinor: 309,
      tenantShareMinor: 133,
    });
    // 30 minutes at 295: 147.5 → 148 (even).
    expect(priceQuantity(1_800n, 295, 10_000, "GPU").listValueMinor).toBe(148);
  });

  it("always splits the list value it shows into two shares that add up", () => {
    for (const seconds of [0, 1, 59, 1_799, 3_600, 86_399, 123_457])
      for (const rate of [0, 1, 3_333, 5_000, 7_000, 9_999, 10_000]) {
        const price = priceQuantity(seconds, 295, rate, "GPU");
        expect(price.programmeShareMinor + price.tenantShareMinor).toBe(price.listValueMinor);
      }
  });

  it("prices tokens per million: whole millions exactly, the rest rounded half-even once", () => {
    // 2 million tokens at €0.40 per million with 70 %: €0.80, the programme pays €0.56.
    expect(priceQuantity(2_000_000n, 40, 7_000, "TOKENS")).toEqual({
      listValueMinor: 80,
      programmeShareMinor: 56,
      tenantShareMinor: 24,
    });
    // 1,250,000 tokens at 40 per million: 50 exactly; 12,500 tokens: 0.5 → 0 (even);
    // 37,500 tokens: 1.5 → 2 (even).
    expect(priceQuantity(1_250_000, 40, 0, "TOKENS").listValueMinor).toBe(50);
    expect(priceQuantity(12_500, 40, 0, "TOKENS").listValueMinor).toBe(0);
    expect(priceQuantity(37_500, 40, 0, "TOKENS").listValueMinor).toBe(2);
    // The same count priced as unit-seconds is a very different figure: the kind decides.
    expect(priceQuantity(3_600, 40, 0, "GPU").listValueMinor).toBe(40);
    expect(priceQuantity(3_600, 40, 0, "TOKENS").listValueMinor).toBe(0);
  });

  it("rounds any token count to the nearest minor unit, halves to even, and splits it exactly", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (tokens, price, rate) => {
          const priced = priceQuantity(tokens, price, rate, "TOKENS");
          // |list × 1,000,000 − tokens × price| ≤ 500,000, and exactly half only towards even.
          const error = BigInt(priced.listValueMinor) * 1_000_000n - tokens * BigInt(price);
          const magnitude = error < 0n ? -error : error;
          expect(magnitude <= 500_000n).toBe(true);
          if (magnitude === 500_000n) expect(priced.listValueMinor % 2).toBe(0);
          expect(priced.programmeShareMinor + priced.tenantShareMinor).toBe(priced.listValueMinor);
          expect(priced.programmeShareMinor).toBeGreaterThanOrEqual(0);
          expect(priced.tenantShareMinor).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("prices whole millions of tokens as priceLines prices whole priced units", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (millions, price, rate) => {
          const line = priceLines(
            [{ resourceClassId: "t", unitHours: millions, listPriceMinorPerHour: price }],
            rate,
          ).lines[0]!;
          expect(priceQuantity(BigInt(millions) * 1_000_000n, price, rate, "TOKENS")).toEqual({
            listValueMinor: line.listValueMinor,
            programmeShareMinor: line.programmeShareMinor,
            tenantShareMinor: line.tenantShareMinor,
          });
          expect(line.listValueMinor).toBe(millions * price);
        },
      ),
    );
  });

  it("refuses negative quantities, negative prices and bad rates", () => {
    expect(() => priceQuantity(-1, 295, 7_000, "GPU")).toThrow(/zero or more/);
    expect(() => priceQuantity(1, -1, 7_000, "GPU")).toThrow(/list price/);
    expect(() => priceQuantity(1, 295, 10_001, "GPU")).toThrow(/basis points/);
  });
});

describe("rateOf", () => {
  it("gives each share of an hour to the thousandth of a cent, not rounded to the cent", () => {
    // €1.19 split half: €0.595 each, where cents would make €0.60 and €0.59.
    expect(rateOf(1, 119, 5_000, "GPU")).toEqual({
      listMilliMinor: 119_000,
      programmeShareMilliMinor: 59_500,
      tenantShareMilliMinor: 59_500,
    });
    // Four GPUs running: four times each share.
    expect(rateOf(4, 119, 5_000, "GPU")).toEqual({
      listMilliMinor: 476_000,
      programmeShareMilliMinor: 238_000,
      tenantShareMilliMinor: 238_000,
    });
  });

  it("rounds the programme's share half-even to a thousandth of a minor unit, the rest to the tenant", () => {
    // €1.19 at 33.33 %: 39.6627 cents → 39.663; the organisation 79.337.
    expect(rateOf(1, 119, 3_333, "GPU")).toEqual({
      listMilliMinor: 119_000,
      programmeShareMilliMinor: 39_663,
      tenantShareMilliMinor: 79_337,
    });
    // Exact halves go to the even thousandth: 98,323.5 → 98,324; 0.5 → 0.
    expect(rateOf(1, 295, 3_333, "GPU").programmeShareMilliMinor).toBe(98_324);
    expect(rateOf(1, 5, 1, "GPU").programmeShareMilliMinor).toBe(0);
  });

  it("is zero for nothing running or a free class", () => {
    const zero = { listMilliMinor: 0, programmeShareMilliMinor: 0, tenantShareMilliMinor: 0 };
    expect(rateOf(0, 295, 7_000, "GPU")).toEqual(zero);
    expect(rateOf(3, 0, 7_000, "GPU")).toEqual(zero);
  });

  it("is per million tokens for a TOKENS class", () => {
    // €0.40 per million at 70 %: €0.28 and €0.12, in thousandths of a cent.
    expect(rateOf(1, 40, 7_000, "TOKENS")).toEqual({
      listMilliMinor: 40_000,
      programmeShareMilliMinor: 28_000,
      tenantShareMilliMinor: 12_000,
    });
  });

  it("times the hours of a month gives what the pricing rule charges for them, within a minor unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 744 }),
        (units, price, subsidy, hours) => {
          const rate = rateOf(units, price, subsidy, "GPU");
          const charged = priceQuantity(units * hours * 3_600, price, subsidy, "GPU");
          for (const [milli, minor] of [
            [rate.listMilliMinor, charged.listValueMinor],
            [rate.programmeShareMilliMinor, charged.programmeShareMinor],
            [rate.tenantShareMilliMinor, charged.tenantShareMinor],
          ] as const)
            expect(Math.abs(milli * hours - minor * 1_000)).toBeLessThan(1_000);
          expect(rate.programmeShareMilliMinor + rate.tenantShareMilliMinor).toBe(
            rate.listMilliMinor,
          );
        },
      ),
    );
  });

  it("refuses what priceQuantity refuses", () => {
    expect(() => rateOf(-1, 295, 7_000, "GPU")).toThrow(/zero or more/);
    expect(() => rateOf(1, 295, 10_001, "GPU")).toThrow(/basis points/);
  });
});

describe("priceAward", () => {
  const award = (requested: number, granted: number | null, price = 295, id = "h100") => ({
    resourceClassId: id,
    requestedUnitHours: requested,
    grantedUnitHours: granted,
    listPriceMinorPerHour: price,
  });

  it("prices a reduced grant at the granted hours, beside the request", () => {
    // Requested 1,000 h, granted 600 h at €2.95 with 70 %.
    const priced = priceAward([award(1_000, 600)], 7_000, true);
    expect(priced.lines[0]!.requested).toEqual({
      unitHours: 1_000,
      listValueMinor: 295_000,
      programmeShareMinor: 206_500,
      tenantShareMinor: 88_500,
    });
    expect(priced.lines[0]!.granted).toEqual({
      unitHours: 600,
      listValueMinor: 177_000,
      programmeShareMinor: 123_900,
      tenantShareMinor: 53_100,
    });
    expect(priced.requested.listValueMinor).toBe(295_000);
    expect(priced.granted).toEqual({
      listValueMinor: 177_000,
      programmeShareMinor: 123_900,
      tenantShareMinor: 53_100,
    });
  });

  it("sums several lines, a class granted nothing counting as zero", () => {
    const priced = priceAward(
      [award(4_000, 4_000, 295, "a"), award(2_000, null, 9_00, "b"), award(3, 1, 5, "c")],
      5_000,
      true,
    );
    expect(priced.lines.map((line) => line.granted?.unitHours)).toEqual([4_000, 0, 1]);
    // 4,000 × 295 + 0 + 1 × 5; programme: 590,000 + 0 + 2 (2.5 → 2).
    expect(priced.granted).toEqual({
      listValueMinor: 1_180_005,
      programmeShareMinor: 590_002,
      tenantShareMinor: 590_003,
    });
    expect(priced.requested.listValueMinor).toBe(1_180_000 + 1_800_000 + 15);
  });

  it("has no granted side until something is granted", () => {
    const priced = priceAward([award(1_000, null)], 7_000, false);
    expect(priced.granted).toBeNull();
    expect(priced.lines[0]!.granted).toBeNull();
    expect(priced.requested.programmeShareMinor).toBe(206_500);
  });

  it("agrees with priceLines line by line", () => {
    const lines = [award(7, 3, 333, "x"), award(11, 11, 1_999, "y")];
    const priced = priceAward(lines, 3_333, true);
    const requested = priceLines(
      lines.map((l) => ({
        resourceClassId: l.resourceClassId,
        unitHours: l.requestedUnitHours,
        listPriceMinorPerHour: l.listPriceMinorPerHour,
      })),
      3_333,
    );
    expect(priced.requested).toEqual(requested.totals);
  });
});
