import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  listAmountOf,
  rateUsage,
  splitShares,
  totalsOf,
  type AllocationTerms,
  type PriceVersionTerms,
  type UsageAggregate,
} from "./rate-usage";
import { buildInvoice } from "./build-invoice";
import { decideVat, isValidVatId, vatOn } from "./vat";

const aggregateArb = fc.record({
  resourceClassId: fc.constantFrom("h100", "l40s", "cpu"),
  priceVersionId: fc.constantFrom("pv-a", "pv-b", "pv-c"),
  allocationLineId: fc.option(fc.constantFrom("line-1", "line-2", "line-3"), { nil: null }),
  usagePeriod: fc.constantFrom("2026-01", "2026-02"),
  unitSeconds: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  tokens: fc.bigInt({ min: 0n, max: 10n ** 10n }),
  energyMilliWh: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  energyMeasured: fc.boolean(),
}) satisfies fc.Arbitrary<UsageAggregate>;

const priceArb = fc.record({
  minorPerUnitHour: fc.integer({ min: 0, max: 100_000 }),
  minorPerMillionTokens: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
}) satisfies fc.Arbitrary<PriceVersionTerms>;

const caseArb = fc.record({
  // One aggregate per key, as the GROUP BY makes them.
  aggregates: fc.uniqueArray(aggregateArb, {
    maxLength: 40,
    selector: (a) =>
      [a.usagePeriod, a.resourceClassId, a.allocationLineId, a.priceVersionId].join("/"),
  }),
  prices: fc.tuple(priceArb, priceArb, priceArb),
  rates: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })),
  subsidies: fc.tuple(
    fc.bigInt({ min: 0n, max: 10n ** 9n }),
    fc.bigInt({ min: 0n, max: 10n ** 9n }),
  ),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function rate(input: Case) {
  const prices = new Map<string, PriceVersionTerms>([
    ["pv-a", input.prices[0]],
    ["pv-b", input.prices[1]],
    ["pv-c", input.prices[2]],
  ]);
  // Lines 1 and 2 draw on one award, line 3 on another.
  const first: AllocationTerms = {
    allocationId: "award-1",
    subsidyRateBps: input.rates[0],
    subsidyLeftMinor: input.subsidies[0],
  };
  const second: AllocationTerms = {
    allocationId: "award-2",
    subsidyRateBps: input.rates[1],
    subsidyLeftMinor: input.subsidies[1],
  };
  const allocations = new Map([
    ["line-1", first],
    ["line-2", first],
    ["line-3", second],
  ]);
  return { lines: rateUsage(input.aggregates, prices, allocations), prices, first, second };
}

describe("rating (property tests over random usage sets)", () => {
  it("each line's shares add up to its list amount, and none is negative", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        for (const line of rate(input).lines) {
          expect(line.programmeMinor + line.tenantMinor).toBe(line.listMinor);
          expect(line.programmeMinor >= 0n && line.tenantMinor >= 0n).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("totals are the sums of the lines, and the lines price the summed usage once", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const { lines, prices } = rate(input);
        const totals = totalsOf(lines);
        expect(totals.listMinor).toBe(lines.reduce((s, l) => s + l.listMinor, 0n));
        expect(totals.programmeMinor + totals.tenantNetMinor).toBe(totals.listMinor);
        expect(totals.energyMilliWh).toBe(
          input.aggregates.reduce((s, a) => s + a.energyMilliWh, 0n),
        );
        for (const line of lines) {
          expect(line.listMinor).toBe(listAmountOf(line, prices.get(line.priceVersionId)!));
        }
        expect(lines).toHaveLength(input.aggregates.length);
      }),
      { numRuns: 500 },
    );
  });

  it("the programme never pays more than the award's subsidy left, nor more than its rate", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const { lines, first, second } = rate(input);
        for (const award of [first, second]) {
          const paid = lines
            .filter((l) => l.allocationId === award.allocationId)
            .reduce((s, l) => s + l.programmeMinor, 0n);
          expect(paid <= award.subsidyLeftMinor).toBe(true);
        }
        for (const line of lines) {
          const rateBps =
            line.allocationId === "award-1"
              ? input.rates[0]
              : line.allocationId
                ? input.rates[1]
                : 0;
          // At most the rate's share, rounded half to even (so at most half a minor unit above).
          expect(line.programmeMinor * 10_000n <= line.listMinor * BigInt(rateBps) + 5_000n).toBe(
            true,
          );
          if (line.allocationId === null) expect(line.programmeMinor).toBe(0n);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("invoices rated together with one ledger draw no more from an award than it has left", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 4 }), (input, invoices) => {
        const { prices, first, second } = rate(input);
        const allocations = new Map([
          ["line-1", first],
          ["line-2", first],
          ["line-3", second],
        ]);
        // The same usage on several organisations' invoices of one run, all on the two awards.
        const ledger = new Map<string, bigint>();
        const lines = Array.from({ length: invoices }, () =>
          rateUsage(input.aggregates, prices, allocations, ledger),
        ).flat();
        for (const award of [first, second]) {
          const paid = lines
            .filter((l) => l.allocationId === award.allocationId)
            .reduce((s, l) => s + l.programmeMinor, 0n);
          expect(paid <= (award.subsidyLeftMinor > 0n ? award.subsidyLeftMinor : 0n)).toBe(true);
          if (paid > 0n) expect(ledger.get(award.allocationId)).toBe(award.subsidyLeftMinor - paid);
        }
        for (const line of lines)
          expect(line.programmeMinor + line.tenantMinor).toBe(line.listMinor);
      }),
      { numRuns: 300 },
    );
  });

  it("the order usage arrives in changes nothing", () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (input, seed) => {
        const shuffled = [...input.aggregates].sort((a, b) =>
          (a.unitSeconds ^ BigInt(seed)) % 7n > (b.unitSeconds ^ BigInt(seed)) % 7n ? 1 : -1,
        );
        expect(rate({ ...input, aggregates: shuffled }).lines).toEqual(rate(input).lines);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The exact amount as a fraction, rounded by hand: to the nearest minor unit, a tie to the even
 * one. Written independently of divideHalfEven, so the two can disagree.
 */
function roundExactly(numerator: bigint, denominator: bigint): bigint {
  const floor = numerator / denominator;
  const twice = 2n * (numerator - floor * denominator);
  if (twice < denominator) return floor;
  if (twice > denominator) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

describe("the rounding rule (property tests)", () => {
  it("a line's list amount is its exact value rounded half to even, never off by half a unit or more", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        priceArb,
        (unitSeconds, tokens, price) => {
          const list = listAmountOf({ unitSeconds, tokens }, price);
          // In millionths of a minor unit per hour × million tokens: one common denominator.
          const numerator =
            unitSeconds * BigInt(price.minorPerUnitHour) * 1_000_000n +
            tokens * BigInt(price.minorPerMillionTokens ?? 0) * 3_600n;
          const denominator = 3_600n * 1_000_000n;
          expect(list).toBe(roundExactly(numerator, denominator));
          const error = list * denominator - numerator;
          expect(2n * (error < 0n ? -error : error) <= denominator).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("summing first never costs more than half a unit per line, however the usage was cut", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 50_000 }),
        (pieces, minorPerUnitHour) => {
          const price = { minorPerUnitHour, minorPerMillionTokens: null };
          const total = pieces.reduce((s, p) => s + BigInt(p), 0n);
          const line = listAmountOf({ unitSeconds: total, tokens: 0n }, price);
          const exact = total * BigInt(minorPerUnitHour);
          const error = line * 3_600n - exact;
          expect(2n * (error < 0n ? -error : error) <= 3_600n).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("invoices built from random usage sets (property tests)", () => {
  const customerArb = fc.record({
    country: fc.constantFrom("DE", "FR", "IT", "CH"),
    vatId: fc.option(fc.constantFrom("IT12345678901", "FR12345678901"), { nil: null }),
    vatIdValid: fc.boolean(),
  });

  it("totals are the lines' sums, the shares add up, VAT is once on the net, and the caps hold", () => {
    fc.assert(
      fc.property(caseArb, customerArb, (input, customer) => {
        const { prices, first, second } = rate(input);
        const allocationOfLine = new Map([
          ["line-1", first],
          ["line-2", first],
          ["line-3", second],
        ]);
        const classes = new Map(
          ["h100", "l40s", "cpu"].map((id) => [
            id,
            {
              code: id,
              name: id.toUpperCase(),
              kind: "GPU" as const,
              unit: "GPU",
              currency: "EUR",
            },
          ]),
        );
        const invoice = buildInvoice({
          period: "2026-02",
          aggregates: input.aggregates,
          terms: { prices, allocationOfLine, classes },
          customer,
          sellerCountry: "DE",
          fallbackCurrency: "EUR",
        });
        const sum = (pick: (l: (typeof invoice.lines)[number]) => bigint) =>
          invoice.lines.reduce((s, l) => s + pick(l), 0n);
        expect(invoice.listMinor).toBe(sum((l) => l.listMinor));
        expect(invoice.programmeMinor).toBe(sum((l) => l.programmeMinor));
        expect(invoice.tenantNetMinor).toBe(sum((l) => l.tenantMinor));
        expect(invoice.programmeMinor + invoice.tenantNetMinor).toBe(invoice.listMinor);
        expect(invoice.vatMinor).toBe(vatOn(invoice.tenantNetMinor, invoice.vat.rateBps));
        expect(invoice.tenantTotalMinor).toBe(invoice.tenantNetMinor + invoice.vatMinor);
        for (const award of [first, second]) {
          const drawn = invoice.lines
            .filter((l) => l.allocationId === award.allocationId)
            .reduce((s, l) => s + l.programmeMinor, 0n);
          expect(drawn <= (award.subsidyLeftMinor > 0n ? award.subsidyLeftMinor : 0n)).toBe(true);
        }
        // Positions 1…n; usage of an earlier month is late usage, and says so.
        expect(invoice.lines.map((l) => l.position)).toEqual(
          invoice.lines.map((_, index) => index + 1),
        );
        for (const line of invoice.lines) {
          expect(line.kind).toBe(line.usagePeriod < "2026-02" ? "LATE_USAGE" : "USAGE");
          expect(line.description.startsWith("Late usage of ")).toBe(line.kind === "LATE_USAGE");
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("a tokens class's invoice line", () => {
  it("counts tokens and states its price per million tokens", () => {
    const invoice = buildInvoice({
      period: "2026-02",
      aggregates: [
        {
          resourceClassId: "chat",
          priceVersionId: "pv-chat",
          allocationLineId: null,
          usagePeriod: "2026-02",
          unitSeconds: 0n,
          tokens: 1_250_000n,
          energyMilliWh: 0n,
          energyMeasured: false,
        },
      ],
      terms: {
        prices: new Map([["pv-chat", { minorPerUnitHour: 0, minorPerMillionTokens: 40 }]]),
        allocationOfLine: new Map(),
        classes: new Map([
          [
            "chat",
            {
              code: "shared-8b-tokens",
              name: "Shared 8B chat model — tokens",
              kind: "TOKENS" as const,
              unit: "token",
              currency: "EUR",
            },
          ],
        ]),
      },
      customer: { country: "DE", vatId: null, vatIdValid: false },
      sellerCountry: "DE",
      fallbackCurrency: "EUR",
    });
    const line = invoice.lines[0]!;
    // 1.25 million tokens at 40 cents per million: 50 cents.
    expect(line.listMinor).toBe(50n);
    expect(line.minorPerUnitHour).toBe(40);
    expect(line.description).toMatch(/^Shared 8B chat model — tokens: 1\.25 million tokens, /);
  });
});

describe("the rounding rule", () => {
  it("rounds a line's list amount half to even, once", () => {
    const price = { minorPerUnitHour: 1, minorPerMillionTokens: null };
    // 1800 unit-seconds at 1 minor unit per hour = 0.5 → 0; 5400 = 1.5 → 2.
    expect(listAmountOf({ unitSeconds: 1_800n, tokens: 0n }, price)).toBe(0n);
    expect(listAmountOf({ unitSeconds: 5_400n, tokens: 0n }, price)).toBe(2n);
    // Summed first: ten 0.4-unit pieces are 4, not ten times 0.
    expect(listAmountOf({ unitSeconds: 10n * 1_440n, tokens: 0n }, price)).toBe(4n);
    // 295 cents per GPU-hour, 2 GPUs × 30 min = 295; tokens at 60 cents per million.
    expect(
      listAmountOf(
        { unitSeconds: 3_600n, tokens: 2_500_000n },
        { minorPerUnitHour: 295, minorPerMillionTokens: 60 },
      ),
    ).toBe(445n);
  });

  it("caps the programme's share by the subsidy left", () => {
    expect(splitShares(1_001n, 5_000, 10_000n)).toEqual({
      programmeMinor: 500n,
      tenantMinor: 501n,
    });
    expect(splitShares(1_003n, 5_000, 10_000n)).toEqual({
      programmeMinor: 502n,
      tenantMinor: 501n,
    });
    expect(splitShares(1_000n, 8_000, 300n)).toEqual({ programmeMinor: 300n, tenantMinor: 700n });
    expect(splitShares(1_000n, 8_000, -5n)).toEqual({ programmeMinor: 0n, tenantMinor: 1_000n });
  });
});

describe("VAT", () => {
  it("charges domestic VAT, reverse-charges a valid VAT id in another member state, and none outside the EU", () => {
    const base = { sellerCountry: "DE", vatId: null, vatIdValid: false };
    expect(decideVat({ ...base, customerCountry: "DE" })).toMatchObject({
      treatment: "DOMESTIC",
      rateBps: 1_900,
    });
    expect(
      decideVat({ ...base, customerCountry: "IT", vatId: "IT 12345678901", vatIdValid: true }),
    ).toMatchObject({ treatment: "REVERSE_CHARGE", rateBps: 0 });
    // A malformed id is no reverse charge: the customer's country's rate.
    expect(
      decideVat({ ...base, customerCountry: "IT", vatId: "IT123", vatIdValid: true }),
    ).toMatchObject({ treatment: "EU_CONSUMER", rateBps: 2_200 });
    expect(decideVat({ ...base, customerCountry: "CH" })).toMatchObject({
      treatment: "OUTSIDE_EU",
      rateBps: 0,
    });
    expect(decideVat({ ...base, customerCountry: "GB" })).toMatchObject({
      treatment: "OUTSIDE_EU",
    });
  });

  it("checks VAT id formats per member state", () => {
    expect(isValidVatId("DE123456789", "DE")).toBe(true);
    expect(isValidVatId("de 123.456.789", "DE")).toBe(true);
    expect(isValidVatId("DE12345678", "DE")).toBe(false);
    expect(isValidVatId("EL123456789", "GR")).toBe(true);
    expect(isValidVatId("NL123456789B01", "NL")).toBe(true);
    expect(isValidVatId("FR123456789", "DE")).toBe(false);
  });

  it("rounds VAT half to even on the net total", () => {
    expect(vatOn(10_050n, 1_900)).toBe(1_910n); // 1909.5 → 1910
    expect(vatOn(10_150n, 1_000)).toBe(1_015n);
    expect(vatOn(25n, 2_000)).toBe(5n);
    expect(vatOn(0n, 2_100)).toBe(0n);
  });
});
