import { describe, expect, it } from "vitest";
import { projectionSentence } from "./budget-projection";

const december = {
  chargesCurrency: "EUR",
  // December in Brussels ends at 23:00 UTC on the 31st.
  periodEnd: new Date("2026-12-31T23:00:00Z"),
  timeZone: "Europe/Brussels",
};
const endpoint = {
  kind: "ENDPOINT" as const,
  name: "Line inspector chat",
  units: 1,
  until: december.periodEnd,
  toMonthEnd: true,
  untilQuotaRunsOut: false,
  untilAllocationEnds: false,
  // €1.19 list, half paid by the programme: the organisation's share is €0.595 an hour.
  hourlyMilliMinor: 59_500,
  currentWindow: null,
  restMinor: 35_272,
  idleSecondsBeforeZero: null,
};

/** The euro amounts a sentence names, in order, as exact cents × 1,000 (no float). */
function milliCentsIn(sentence: string): number[] {
  return [...sentence.matchAll(/€([\d,]+)\.(\d+)/g)].map(
    ([, whole, fraction]) =>
      Number(whole!.replace(/,/g, "")) * 100_000 + Number(fraction!.padEnd(5, "0")),
  );
}

describe("projectionSentence", () => {
  it("says what is spent and what a running endpoint adds to the month's last day", () => {
    expect(projectionSentence({ ...december, spentMinor: 10, running: [endpoint] })).toBe(
      "€0.10 so far + €352.72 if Line inspector chat keeps running at €0.595 an hour to 31 Dec.",
    );
  });

  it("says of an endpoint that scales to zero that it would cost less, still projecting it running", () => {
    const scales = { ...endpoint, idleSecondsBeforeZero: 900 };
    expect(projectionSentence({ ...december, spentMinor: 10, running: [scales] })).toBe(
      "€0.10 so far + €352.72 if Line inspector chat keeps running at €0.595 an hour to 31 Dec (it scales to zero after 15 minutes idle, which would cost less).",
    );
    const oneMinute = { ...endpoint, idleSecondsBeforeZero: 60 };
    expect(projectionSentence({ ...december, spentMinor: 10, running: [oneMinute] })).toContain(
      "(it scales to zero after 1 minute idle, which would cost less)",
    );
  });

  it("shows the hourly rate unrounded, so rate × hours to the month's end gives the part shown", () => {
    // 592.8 hours from now to the month's end at €0.595 is €352.716: €352.72 on the invoice.
    const hours = 592.8;
    const sentence = projectionSentence({ ...december, spentMinor: 1, running: [endpoint] });
    const [, part, hourly] = milliCentsIn(sentence);
    expect(hourly).toBe(59_500);
    expect(part).toBe(35_272_000);
    expect(Math.abs(hourly! * hours - part!)).toBeLessThanOrEqual(1_000);
  });

  it("shows a rate below a cent's worth of precision with the decimals it needs", () => {
    // A CPU endpoint whose share is 4.76 cents an hour.
    const cpu = { ...endpoint, name: "Tokenizer", hourlyMilliMinor: 4_760, restMinor: 2_822 };
    expect(projectionSentence({ ...december, spentMinor: 0, running: [cpu] })).toBe(
      "€0.00 so far + €28.22 if Tokenizer keeps running at €0.0476 an hour to 31 Dec.",
    );
  });

  it("names the month's last day in the billing time zone, not in UTC", () => {
    // Tokyo's December ends at 15:00 UTC on the 31st; Honolulu's January 1st 10:00 UTC.
    const tokyo = new Date("2026-12-31T15:00:00Z");
    expect(
      projectionSentence({
        ...december,
        periodEnd: tokyo,
        timeZone: "Asia/Tokyo",
        spentMinor: 0,
        running: [{ ...endpoint, until: tokyo }],
      }),
    ).toContain("to 31 Dec.");
    const honolulu = new Date("2027-01-01T10:00:00Z");
    expect(
      projectionSentence({
        ...december,
        periodEnd: honolulu,
        timeZone: "Pacific/Honolulu",
        spentMinor: 0,
        running: [{ ...endpoint, until: honolulu }],
      }),
    ).toContain("to 31 Dec.");
  });

  it("says when a job's walltime ends before the month does", () => {
    const job = {
      kind: "TRAINING_JOB" as const,
      name: "Speech encoder pre-training",
      units: 2,
      until: new Date("2026-12-07T12:00:00Z"),
      toMonthEnd: false,
      untilQuotaRunsOut: false,
      untilAllocationEnds: false,
      hourlyMilliMinor: 177_000,
      currentWindow: null,
      restMinor: 1_062,
      idleSecondsBeforeZero: null,
    };
    expect(projectionSentence({ ...december, spentMinor: 311, running: [job] })).toBe(
      "€3.11 so far + €10.62 if Speech encoder pre-training runs at €1.77 an hour until its walltime ends (7 Dec 2026, 12:00 UTC).",
    );
  });

  it("says when an endpoint's allocation cannot cover its next lease window before the month ends, and that it then stops", () => {
    const stops = {
      ...endpoint,
      until: new Date("2026-12-10T14:00:00Z"),
      toMonthEnd: false,
      untilQuotaRunsOut: true,
      hourlyMilliMinor: 177_000,
      restMinor: 13_098,
    };
    expect(projectionSentence({ ...december, spentMinor: 321, running: [stops] })).toBe(
      "€3.21 so far + €130.98 if Line inspector chat keeps running at €1.77 an hour until its allocation's quota cannot cover another lease window (about 10 Dec 2026, 14:00 UTC), when Tessera scales it to zero.",
    );
    // One that scales to zero when idle is still projected running, and said to cost less.
    expect(
      projectionSentence({
        ...december,
        spentMinor: 321,
        running: [{ ...stops, idleSecondsBeforeZero: 900 }],
      }),
    ).toBe(
      "€3.21 so far + €130.98 if Line inspector chat keeps running at €1.77 an hour until its allocation's quota cannot cover another lease window (about 10 Dec 2026, 14:00 UTC), when Tessera scales it to zero (it also scales to zero after 15 minutes idle, which would cost less).",
    );
  });

  it("says when an endpoint's allocation ends before the month does, and that its next renewal then stops it", () => {
    const ends = {
      ...endpoint,
      until: new Date("2026-12-15T00:20:00Z"),
      toMonthEnd: false,
      untilAllocationEnds: true,
      hourlyMilliMinor: 177_000,
      restMinor: 32_214,
    };
    expect(projectionSentence({ ...december, spentMinor: 321, running: [ends] })).toBe(
      "€3.21 so far + €322.14 if Line inspector chat keeps running at €1.77 an hour until its first lease renewal after its allocation ends (about 15 Dec 2026, 00:20 UTC), when Tessera scales it to zero.",
    );
    expect(
      projectionSentence({
        ...december,
        spentMinor: 321,
        running: [{ ...ends, idleSecondsBeforeZero: 1_800 }],
      }),
    ).toContain("when Tessera scales it to zero (it also scales to zero after 30 minutes idle");
  });

  it("says of an endpoint whose window is at the price before a change both rates, and when its next window moves it", () => {
    // 2 units, half paid by the programme: €2.95 an hour until 18:30 on the 7th (its window began
    // before H100 went from €2.95 to €3.50), €3.50 for the 580.5 hours from then to the month's end.
    const moves = {
      ...endpoint,
      units: 2,
      hourlyMilliMinor: 350_000,
      currentWindow: { until: new Date("2026-12-07T18:30:00Z"), hourlyMilliMinor: 295_000 },
      restMinor: 203_323,
    };
    expect(projectionSentence({ ...december, spentMinor: 321, running: [moves] })).toBe(
      "€3.21 so far + €2,033.23 if Line inspector chat keeps running at €2.95 an hour until its next lease window (about 7 Dec 2026, 18:30 UTC), then €3.50 an hour, to 31 Dec.",
    );
  });

  it("says that the month ends at what is spent when nothing runs", () => {
    expect(projectionSentence({ ...december, spentMinor: 10, running: [] })).toBe(
      "€0.10 so far. Nothing is running now, so the month ends there unless something starts.",
    );
  });

  it("names three and sums the rest", () => {
    const running = [400, 300, 200, 100, 50].map((restMinor, i) => ({
      ...endpoint,
      name: `E${i + 1}`,
      restMinor,
    }));
    expect(projectionSentence({ ...december, spentMinor: 0, running })).toBe(
      "€0.00 so far + €4.00 if E1 keeps running at €0.595 an hour to 31 Dec + €3.00 if E2 keeps running at €0.595 an hour to 31 Dec + €2.00 if E3 keeps running at €0.595 an hour to 31 Dec + €1.50 for 2 more running now.",
    );
  });
});
