import { describe, expect, it } from "vitest";
import { inFormOrder } from "./get-workload-form-options";

const line = (
  allocationLineId: string,
  programmeName: string,
  name: string,
  code: string,
  award = { title: "Pilot runs", validTo: new Date("2027-06-05T00:00:00Z") },
) => ({
  allocationLineId,
  programmeName,
  awardTitle: award.title,
  validTo: award.validTo,
  resourceClass: { name, code },
});

describe("inFormOrder", () => {
  it("orders lines by programme, then class name and code, then line, whatever the input order", () => {
    const lines = [
      line("l5", "National AI Compute", "NVIDIA H100 80GB", "h100"),
      line("l4", "National AI Compute", "CPU core (AMD EPYC)", "cpu-b"),
      line("l3", "National AI Compute", "CPU core (AMD EPYC)", "cpu-a"),
      line("l2", "Climate Research", "NVIDIA H100 80GB", "h100"),
      line("l1", "National AI Compute", "CPU core (AMD EPYC)", "cpu-a"),
    ];
    const expected = ["l2", "l1", "l3", "l4", "l5"];
    expect(inFormOrder(lines).map((l) => l.allocationLineId)).toEqual(expected);
    expect(inFormOrder([...lines].reverse()).map((l) => l.allocationLineId)).toEqual(expected);
    // The input is left as it was.
    expect(lines[0]!.allocationLineId).toBe("l5");
  });

  it("orders two awards of the same programme and class by end date, then by title", () => {
    const later = { title: "Alpha study", validTo: new Date("2027-09-01T00:00:00Z") };
    const sooner = { title: "Zeta study", validTo: new Date("2027-03-01T00:00:00Z") };
    const sameEnd = { title: "Beta study", validTo: new Date("2027-09-01T00:00:00Z") };
    // Line ids in the opposite order, so only the award can decide.
    const lines = [
      line("a", "National AI Compute", "NVIDIA H100 80GB", "h100", sameEnd),
      line("b", "National AI Compute", "NVIDIA H100 80GB", "h100", later),
      line("c", "National AI Compute", "NVIDIA H100 80GB", "h100", sooner),
    ];
    const expected = ["c", "b", "a"];
    expect(inFormOrder(lines).map((l) => l.allocationLineId)).toEqual(expected);
    expect(inFormOrder([...lines].reverse()).map((l) => l.allocationLineId)).toEqual(expected);
  });
});
