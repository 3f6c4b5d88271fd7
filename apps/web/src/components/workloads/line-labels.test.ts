import { describe, expect, it } from "vitest";
import { endpointLineLabel, jobLineLabel } from "./line-labels";

const HOUR = 3_600;

/** Two awards of the same programme and class: only the award, what is left and the end differ. */
const h100 = (awardTitle: string, remainingHours: number, validTo: string) => ({
  awardTitle,
  validTo: new Date(validTo),
  remainingUnitSeconds: Math.round(remainingHours * HOUR),
  currency: "EUR",
  listPriceMinorPerHour: 295,
  subsidyRateBps: 7_000,
  resourceClass: { name: "NVIDIA H100 80 GB", unit: "GPU", kind: "GPU" as const },
});

const pilot = h100("Speech encoder pilot runs", 166, "2027-06-05T00:00:00.000Z");
const main = h100("Multilingual speech encoders", 12_000, "2027-12-31T00:00:00.000Z");

describe("the labels of two allocation lines of the same programme and class", () => {
  it("name the award, the hours left and the end date on the endpoint form, with the price", () => {
    expect(endpointLineLabel(pilot)).toBe(
      "Speech encoder pilot runs — NVIDIA H100 80 GB, 166 GPU-hours left, ends 5 Jun 2027 (€2.95 per GPU-hour)",
    );
    expect(endpointLineLabel(main)).toContain("Multilingual speech encoders — NVIDIA H100 80 GB");
    expect(endpointLineLabel(main)).toContain("ends 31 Dec 2027");
    expect(endpointLineLabel(pilot)).not.toBe(endpointLineLabel(main));
  });

  it("name them on the job form too, the class first", () => {
    expect(jobLineLabel(pilot)).toBe(
      "NVIDIA H100 80 GB: 166 GPU-hours left, ends 5 Jun 2027 — Speech encoder pilot runs",
    );
    expect(jobLineLabel(pilot)).not.toBe(jobLineLabel(main));
  });

  it("still differ when two awards have the same hours left and differ only in title", () => {
    const twin = { ...pilot, awardTitle: "Speech encoder ablations" };
    expect(endpointLineLabel(twin)).not.toBe(endpointLineLabel(pilot));
    expect(jobLineLabel(twin)).not.toBe(jobLineLabel(pilot));
  });
});
