import { describe, expect, it } from "vitest";
import { simEpochs, simOutput, type SimOutputJob } from "./sim-output";

const job: SimOutputJob = {
  id: "17",
  quantity: 2,
  resourceClassCode: "h100-80gb",
  durationSeconds: 10,
  walltimeSeconds: 60,
  exitCode: 0,
};

describe("simOutput", () => {
  it("logs one epoch per interval while running, and only grows", () => {
    const early = simOutput(job, 0, null);
    const middle = simOutput(job, 4, null);
    const late = simOutput(job, 9.9, null);
    expect(early.trim().split("\n")).toHaveLength(1);
    expect(early).toContain("2 × h100-80gb");
    expect(middle.trim().split("\n")).toHaveLength(3);
    expect(middle).toContain("epoch 2/5");
    expect(middle.startsWith(early)).toBe(true);
    expect(late.startsWith(middle)).toBe(true);
  });

  it("shows the loss falling", () => {
    const losses = simOutput(job, 10, "COMPLETED")
      .split("\n")
      .map((line) => /loss (\d+\.\d+)/.exec(line)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(losses).toHaveLength(5);
    expect(losses[4]!).toBeLessThan(losses[0]!);
  });

  it("closes with how the job ended", () => {
    expect(simOutput(job, 10, "COMPLETED")).toMatch(/exit 0\n$/);
    expect(simOutput({ ...job, exitCode: 3 }, 10, "FAILED")).toContain("exit code 3");
    expect(simOutput({ ...job, walltimeSeconds: 6 }, 6, "TIMEOUT")).toContain("time limit of 6 s");
    expect(simOutput(job, 3, "CANCELLED")).toMatch(/cancelled\n$/);
  });

  it("keeps the number of epochs small", () => {
    expect(simEpochs(1)).toBe(1);
    expect(simEpochs(20)).toBe(10);
    expect(simEpochs(3600)).toBe(20);
  });
});
