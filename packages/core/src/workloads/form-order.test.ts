import { describe, expect, it } from "vitest";
import { inFormOrder } from "./get-workload-form-options";

const line = (allocationLineId: string, programmeName: string, name: string, code: string) => ({
  allocationLineId,
  programmeName,
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
});
