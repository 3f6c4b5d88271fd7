import { describe, expect, it } from "vitest";
import { usageActionOf } from "./usage-action";

const cluster = { name: "EU serving", capacity: 8, unitsPerNode: 8 };
const jobLine = { maxQuantity: 8, endpointClusters: [cluster] };
const inferenceLine = { maxQuantity: 0, endpointClusters: [cluster] };
const idleLine = { maxQuantity: 0, endpointClusters: [] };

describe("what an organisation with no usage is pointed to", () => {
  it("is a job when one of its lines runs training jobs", () => {
    expect(usageActionOf([inferenceLine, jobLine], true)).toBe("JOB");
  });

  it("is an endpoint when its compute only serves inference, never a job it cannot launch", () => {
    expect(usageActionOf([inferenceLine], false)).toBe("ENDPOINT");
    expect(usageActionOf([inferenceLine], true)).toBe("ENDPOINT");
  });

  it("is an API key when its only award is tokens of the shared models", () => {
    expect(usageActionOf([], true)).toBe("API_KEY");
    expect(usageActionOf([idleLine], true)).toBe("API_KEY");
  });

  it("is an application when it holds nothing it could use", () => {
    expect(usageActionOf([], false)).toBe("APPLY");
    expect(usageActionOf([idleLine], false)).toBe("APPLY");
  });
});
