import { describe, expect, it } from "vitest";
import { formatDuration, formatQuota, runSeconds, secondsBetween, walltimeSeconds } from "./format";

describe("formatQuota", () => {
  it("writes every amount in unit-hours, so that figures side by side share one unit", () => {
    expect(formatQuota(7_200, "GPU")).toBe("2 GPU-hours");
    expect(formatQuota(5_400 * 4, "GPU")).toBe("6 GPU-hours");
    expect(formatQuota(4_000, "GPU")).toBe("1.111 GPU-hours");
    expect(formatQuota(1_440, "CPU core")).toBe("0.400 CPU core-hours");
    expect(formatQuota(90, "GPU")).toBe("0.025 GPU-hours");
    expect(formatQuota(0, "GPU")).toBe("0 GPU-hours");
    expect(formatQuota(-5, "GPU")).toBe("0 GPU-hours");
  });

  it("never shows a small non-zero amount as zero", () => {
    expect(formatQuota(12, "MIG slice")).toBe("0.003 MIG slice-hours");
    expect(formatQuota(1, "GPU")).toBe("less than 0.001 GPU-hours");
  });

  it("says one in the singular", () => {
    expect(formatQuota(3_600, "GPU")).toBe("1 GPU-hour");
    expect(formatQuota(3_600, "CPU core")).toBe("1 CPU core-hour");
  });
});

describe("formatDuration", () => {
  it("writes hours and minutes, or seconds for short spans", () => {
    expect(formatDuration(5_400)).toBe("1 h 30 min");
    expect(formatDuration(3_600)).toBe("1 h");
    expect(formatDuration(90_000)).toBe("25 h");
    expect(formatDuration(125)).toBe("2 min 5 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(45.9)).toBe("45 s");
    expect(formatDuration(-3)).toBe("0 s");
  });
});

describe("walltimeSeconds", () => {
  it("reads hours and minutes, empty as zero", () => {
    expect(walltimeSeconds("2", "30")).toBe(9_000);
    expect(walltimeSeconds("", "45")).toBe(2_700);
    expect(walltimeSeconds(" 1 ", "")).toBe(3_600);
  });

  it("refuses what is not a whole number of hours and minutes", () => {
    expect(walltimeSeconds("1.5", "0")).toBeNull();
    expect(walltimeSeconds("1", "60")).toBeNull();
    expect(walltimeSeconds("-1", "0")).toBeNull();
    expect(walltimeSeconds("one", "0")).toBeNull();
  });
});

describe("secondsBetween", () => {
  it("counts whole seconds and never goes negative", () => {
    const start = new Date("2026-11-22T10:00:00Z");
    expect(secondsBetween(start, new Date("2026-11-22T10:01:30.900Z"))).toBe(90);
    expect(secondsBetween(start, new Date("2026-11-22T09:00:00Z"))).toBe(0);
  });
});

describe("runSeconds", () => {
  const startedAt = new Date("2026-11-22T10:00:00Z");

  it("is unknown before the job started, or while the time is not known yet", () => {
    expect(runSeconds({ startedAt: null, endedAt: null }, Date.now())).toBeNull();
    expect(runSeconds({ startedAt, endedAt: null }, null)).toBeNull();
  });

  it("counts to now while running and to the end once ended", () => {
    expect(runSeconds({ startedAt, endedAt: null }, startedAt.getTime() + 42_000)).toBe(42);
    const endedAt = new Date("2026-11-22T10:05:00Z");
    expect(runSeconds({ startedAt, endedAt }, startedAt.getTime() + 999_000)).toBe(300);
  });

  it("rounds to the nearest second, as the drivers count the elapsed time a job is metered on", () => {
    const endedAt = new Date("2026-11-22T10:01:29.600Z");
    expect(runSeconds({ startedAt, endedAt }, null)).toBe(90);
    expect(runSeconds({ startedAt, endedAt: new Date("2026-11-22T10:00:24.400Z") }, null)).toBe(24);
  });
});
