import { describe, expect, it } from "vitest";
import { countOfUnits, jobQuantityProblem } from "./job-quantity-rules";

const cpu = { name: "CPU core (AMD EPYC 9654)", unit: "CPU core" };
const h100 = { name: "NVIDIA H100 80 GB", unit: "GPU" };
const mig = { name: "NVIDIA A100 MIG 1g.10gb", unit: "MIG slice" };
const platform = { max: 64, platformMax: 64 };

describe("jobQuantityProblem", () => {
  it("says the platform's limit in the chosen class's unit, never another class's", () => {
    expect(jobQuantityProblem(1000, cpu, platform)).toBe(
      "You can use at most 64 CPU cores in one job.",
    );
    expect(jobQuantityProblem(65, h100, platform)).toBe("You can use at most 64 GPUs in one job.");
    expect(jobQuantityProblem(65, mig, platform)).toBe(
      "You can use at most 64 MIG slices in one job.",
    );
  });

  it("names the cluster's limit when the largest cluster that runs the class is below the platform's", () => {
    expect(jobQuantityProblem(17, h100, { max: 16, platformMax: 64 })).toBe(
      "You can use at most 16 GPUs in one job: the largest cluster that runs NVIDIA H100 80 GB has 16.",
    );
    expect(jobQuantityProblem(2, h100, { max: 1, platformMax: 64 })).toBe(
      "You can use at most 1 GPU in one job: the largest cluster that runs NVIDIA H100 80 GB has 1.",
    );
  });

  it("asks again for anything but a whole number of at least 1, in the class's unit", () => {
    for (const value of [null, 0, -3, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(jobQuantityProblem(value, cpu, platform)).toBe(
        "Enter the number of CPU cores as a whole number from 1 to 64.",
      );
    }
  });

  it("accepts 1 up to the limit", () => {
    expect(jobQuantityProblem(1, cpu, platform)).toBeNull();
    expect(jobQuantityProblem(64, cpu, platform)).toBeNull();
    expect(jobQuantityProblem(16, h100, { max: 16, platformMax: 64 })).toBeNull();
  });
});

describe("countOfUnits", () => {
  it("counts in the singular for one and the plural otherwise, with thousands grouped", () => {
    expect(countOfUnits(1, "CPU core")).toBe("1 CPU core");
    expect(countOfUnits(1024, "GPU")).toBe("1,024 GPUs");
  });
});
