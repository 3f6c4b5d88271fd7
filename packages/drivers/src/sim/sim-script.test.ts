import { describe, expect, it } from "vitest";
import {
  DEFAULT_SIM_SECONDS,
  scriptEchoLines,
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

  it("reads the exit of a one-line script, but not one inside a block", () => {
    expect(scriptExitCode("echo 'Checking'; echo 'bad' >&2; exit 3")).toBe(3);
    expect(scriptExitCode("echo 'a; exit 4'")).toBe(0);
    expect(scriptExitCode("if true; then\n  exit 5\nfi\n")).toBe(0);
  });
});

describe("scriptEchoLines", () => {
  const shardValidation = [
    "#!/bin/bash",
    "echo 'Checking 1,204 shards'",
    "echo 'shard-0871.tar: checksum mismatch' >&2",
    "exit 3",
    "",
  ].join("\n");

  it("gives the literal lines a script echoes, to stdout and stderr, in order", () => {
    expect(scriptEchoLines(shardValidation)).toEqual([
      "Checking 1,204 shards",
      "shard-0871.tar: checksum mismatch",
    ]);
    expect(scriptEchoLines('echo "Done" ; echo two words && echo "a # b"')).toEqual([
      "Done",
      "two words",
      "a # b",
    ]);
  });

  it("leaves out what only running the script could print, and stops at exit", () => {
    const script = [
      "set -euo pipefail",
      'echo "Starting on $(hostname) with GPUs ${CUDA_VISIBLE_DEVICES:-none}"',
      "echo $HOME",
      "python train.py",
      "if ! command -v apptainer; then",
      '  echo "No container runtime"',
      "fi",
      "echo 'ready'",
      "exit 0",
      "echo 'never'",
    ].join("\n");
    expect(scriptEchoLines(script)).toEqual(["ready"]);
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
