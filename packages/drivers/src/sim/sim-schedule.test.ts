import { describe, expect, it } from "vitest";
import { advanceSimulation, simEnd, type SimJobRow } from "./sim-schedule";

const T0 = 1_800_000_000_000;
const GPU = "class-gpu";
const CPU = "class-cpu";

const job = (id: number, overrides: Partial<SimJobRow> = {}): SimJobRow => ({
  id: String(id),
  resourceClassId: GPU,
  quantity: 1,
  durationSeconds: 10,
  walltimeSeconds: 60,
  exitCode: 0,
  state: "PENDING",
  reason: null,
  submittedAtMs: T0,
  startedAtMs: null,
  ...overrides,
});

const capacity = new Map([
  [GPU, 4],
  [CPU, 8],
]);

describe("advanceSimulation", () => {
  it("starts what fits at its submit time and queues the rest with reasons", () => {
    const changes = advanceSimulation(
      [job(1, { quantity: 2 }), job(2, { quantity: 2 }), job(3, { quantity: 1 }), job(4)],
      capacity,
      T0 + 1000,
    );
    expect(changes).toEqual([
      {
        id: "1",
        from: "PENDING",
        state: "RUNNING",
        reason: null,
        startedAtMs: T0,
        endedAtMs: null,
      },
      {
        id: "2",
        from: "PENDING",
        state: "RUNNING",
        reason: null,
        startedAtMs: T0,
        endedAtMs: null,
      },
      {
        id: "3",
        from: "PENDING",
        state: "PENDING",
        reason: "Resources",
        startedAtMs: null,
        endedAtMs: null,
      },
      {
        id: "4",
        from: "PENDING",
        state: "PENDING",
        reason: "Priority",
        startedAtMs: null,
        endedAtMs: null,
      },
    ]);
  });

  it("never lets a small job overtake a big one of its class (FIFO)", () => {
    const changes = advanceSimulation(
      [
        job(1, { state: "RUNNING", quantity: 3, startedAtMs: T0, reason: null }),
        job(2, { quantity: 2, reason: "Resources" }),
        job(3, { quantity: 1, reason: "Priority" }),
      ],
      capacity,
      T0 + 5000,
    );
    // One GPU is free, but job 3 waits behind job 2, which needs two.
    expect(changes).toEqual([]);
  });

  it("keeps classes apart", () => {
    const changes = advanceSimulation(
      [
        job(1, { quantity: 4 }),
        job(2, { quantity: 4 }),
        job(3, { resourceClassId: CPU, quantity: 8 }),
      ],
      capacity,
      T0,
    );
    expect(changes.map((change) => [change.id, change.state, change.reason])).toEqual([
      ["1", "RUNNING", null],
      ["2", "PENDING", "Resources"],
      ["3", "RUNNING", null],
    ]);
  });

  it("replays a long gap: the queued job starts when the first one ends, and both finish", () => {
    const changes = advanceSimulation(
      [
        job(1, { state: "RUNNING", quantity: 4, startedAtMs: T0, reason: null }),
        job(2, { quantity: 4, reason: "Resources", exitCode: 3 }),
      ],
      capacity,
      T0 + 60_000,
    );
    expect(changes).toEqual([
      {
        id: "1",
        from: "RUNNING",
        state: "COMPLETED",
        reason: null,
        startedAtMs: null,
        endedAtMs: T0 + 10_000,
      },
      {
        id: "2",
        from: "PENDING",
        state: "FAILED",
        reason: "FAILED",
        startedAtMs: T0 + 10_000,
        endedAtMs: T0 + 20_000,
      },
    ]);
  });

  it("times a job out at its walltime", () => {
    const [change] = advanceSimulation(
      [job(1, { state: "RUNNING", durationSeconds: 100, walltimeSeconds: 30, startedAtMs: T0 })],
      capacity,
      T0 + 31_000,
    );
    expect(change).toMatchObject({ state: "FAILED", reason: "TIMEOUT", endedAtMs: T0 + 30_000 });
    expect(simEnd({ durationSeconds: 100, walltimeSeconds: 30, exitCode: 0 })).toEqual({
      runSeconds: 30,
      state: "FAILED",
      reason: "TIMEOUT",
    });
  });

  it("starts a job submitted while the cluster was full when capacity frees, not at its submit", () => {
    const changes = advanceSimulation(
      [
        job(1, { state: "RUNNING", quantity: 4, startedAtMs: T0, reason: null }),
        job(2, { quantity: 4, submittedAtMs: T0 + 2000 }),
      ],
      capacity,
      T0 + 12_000,
    );
    expect(changes.find((change) => change.id === "2")).toMatchObject({
      state: "RUNNING",
      startedAtMs: T0 + 10_000,
    });
  });

  it("never runs more units than the capacity, whatever the mix", () => {
    const jobs = Array.from({ length: 30 }, (_, index) =>
      job(index + 1, {
        quantity: (index % 4) + 1,
        durationSeconds: 5 + (index % 7),
        submittedAtMs: T0 + index * 300,
      }),
    );
    let rows = jobs;
    for (let now = T0; now <= T0 + 200_000; now += 1700) {
      const changes = new Map(
        advanceSimulation(rows, capacity, now).map((change) => [change.id, change]),
      );
      rows = rows.flatMap((row) => {
        const change = changes.get(row.id);
        if (!change) return [row];
        if (change.state !== "PENDING" && change.state !== "RUNNING") return [];
        return [
          {
            ...row,
            state: change.state,
            reason: change.reason,
            startedAtMs: change.startedAtMs ?? row.startedAtMs,
          },
        ];
      });
      const running = rows
        .filter((row) => row.state === "RUNNING")
        .reduce((sum, row) => sum + row.quantity, 0);
      expect(running).toBeLessThanOrEqual(4);
    }
    expect(rows).toEqual([]);
  });
});
