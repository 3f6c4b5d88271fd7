import { describe, expect, it } from "vitest";
import {
  DEFAULT_SIM_SECONDS,
  scriptExitCode,
  SIM_SECONDS_ENV,
  simDurationSeconds,
} from "./sim-script";

describe("scriptExitCode", () => {
  it("reads a trailing exit N", () => {
    expect(scriptExitCode("#!/bin/bash\necho hi\nexit 3\n")).toBe(3);
    expect(scriptExitCode("#!/bin/bash\nexit 42;\n\n# done\n")).toBe(42);
    expect(scriptExitCode("#!/bin/bash\n  exit   7  ")).toBe(7);
  });

  it("is 0 without a trailing exit, or for a bare exit", () => {
    expect(scriptExitCode("#!/bin/bash\necho hi\n")).toBe(0);
    expect(scriptExitCode("#!/bin/bash\nexit 3\necho after\n")).toBe(0);
    expect(scriptExitCode("#!/bin/bash\nexit\n")).toBe(0);
    expect(scriptExitCode("#!/bin/bash\nexit $?\n")).toBe(0);
    expect(scriptExitCode("")).toBe(0);
  });

  it("wraps like a shell exit status", () => {
    expect(scriptExitCode("#!/bin/bash\nexit 257\n")).toBe(1);
  });
});

describe("simDurationSeconds", () => {
  it("takes the workload's simulated seconds when given", () => {
    expect(
      simDurationSeconds({ environment: { [SIM_SECONDS_ENV]: "5" }, walltimeSeconds: 3600 }),
    ).toBe(5);
    // Longer than the walltime on purpose: the job will time out.
    expect(
      simDurationSeconds({ environment: { [SIM_SECONDS_ENV]: "90" }, walltimeSeconds: 60 }),
    ).toBe(90);
  });

  it("defaults to the demo length, or the walltime when that is shorter", () => {
    expect(simDurationSeconds({ environment: {}, walltimeSeconds: 3600 })).toBe(
      DEFAULT_SIM_SECONDS,
    );
    expect(simDurationSeconds({ environment: {}, walltimeSeconds: 7 })).toBe(7);
    expect(
      simDurationSeconds({ environment: { [SIM_SECONDS_ENV]: "soon" }, walltimeSeconds: 3600 }),
    ).toBe(DEFAULT_SIM_SECONDS);
    expect(
      simDurationSeconds({ environment: { [SIM_SECONDS_ENV]: "0" }, walltimeSeconds: 3600 }),
    ).toBe(DEFAULT_SIM_SECONDS);
  });
});
