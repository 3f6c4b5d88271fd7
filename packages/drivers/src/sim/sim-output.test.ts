import { describe, expect, it } from "vitest";
import { SIM_NOTICE, simEpochs, simOutput, type SimOutputJob } from "./sim-output";

const job: SimOutputJob = {
  id: "17",
  quantity: 2,
  resourceClassCode: "h100-80gb",
  durationSeconds: 10,
  walltimeSeconds: 60,
  exitCode: 0,
  scriptEcho: "",
};

/** The lines after the notice and the start line. */
const HEADER_LINES = 3;

describe("simOutput", () => {
  it("logs one epoch per interval while running, and only grows", () => {
    const early = simOutput(job, 0, null);
    const middle = simOutput(job, 4, null);
    const late = simOutput(job, 9.9, null);
    expect(early.trim().split("\n")).toHaveLength(HEADER_LINES);
    expect(early).toContain("2 × h100-80gb");
    expect(middle.trim().split("\n")).toHaveLength(HEADER_LINES + 2);
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

  it("says first that the output is simulated, and that training lines are made up", () => {
    const [first, second] = simOutput(job, 4, null).split("\n");
    expect(first).toBe(SIM_NOTICE);
    expect(first).toContain("does not run your script");
    expect(second).toContain("made up");
  });

  it("shows a script's own echoed lines and its exit code, and no training epochs", () => {
    const shardValidation = {
      ...job,
      exitCode: 3,
      scriptEcho: "Checking 1,204 shards\nshard-0871.tar: checksum mismatch",
    };
    const failed = simOutput(shardValidation, 10, "FAILED");
    expect(failed.split("\n").slice(HEADER_LINES)).toEqual([
      "Checking 1,204 shards",
      "shard-0871.tar: checksum mismatch",
      "[sim] job failed with exit code 3",
      "",
    ]);
    expect(failed).not.toMatch(/epoch|loss|training/);
    const halfway = simOutput(shardValidation, 5, null);
    expect(halfway.trim().split("\n").at(-1)).toBe("Checking 1,204 shards");
    expect(failed.startsWith(halfway)).toBe(true);
  });

  it("keeps the number of epochs small", () => {
    expect(simEpochs(1)).toBe(1);
    expect(simEpochs(20)).toBe(10);
    expect(simEpochs(3600)).toBe(20);
  });
});
