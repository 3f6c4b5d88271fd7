import { describe, expect, it } from "vitest";
import { createHousekeepingProcessor, parseHousekeepingJob } from "./housekeeping";
import { createLogger } from "./logger";

describe("housekeeping jobs", () => {
  it("accepts a heartbeat and a ledger seal with an empty payload", () => {
    expect(parseHousekeepingJob({ name: "heartbeat", data: {} })).toEqual({
      name: "heartbeat",
      data: {},
    });
    expect(parseHousekeepingJob({ name: "seal-ledger", data: {} }).name).toBe("seal-ledger");
  });

  it("rejects job types it does not know instead of guessing", () => {
    expect(() => parseHousekeepingJob({ name: "delete-everything", data: {} })).toThrow(
      /Unknown or malformed/,
    );
  });

  it("rejects a heartbeat carrying unexpected data", () => {
    expect(() =>
      parseHousekeepingJob({ name: "heartbeat", data: { organizationId: "x" } }),
    ).toThrow();
  });

  it("records the heartbeat time when processing", async () => {
    const seen: Date[] = [];
    const process = createHousekeepingProcessor(createLogger("error"), (at) => seen.push(at));
    const result = await process({ id: "1", name: "heartbeat", data: {} });
    expect(seen).toHaveLength(1);
    expect(result).toEqual({ job: "heartbeat", processedAt: seen[0]?.toISOString() });
  });

  it("seals the ledger on a seal-ledger job and records no heartbeat", async () => {
    const seen: Date[] = [];
    let seals = 0;
    const process = createHousekeepingProcessor(
      createLogger("error"),
      (at) => seen.push(at),
      () => {
        seals += 1;
        return Promise.resolve({ sealed: 3 });
      },
    );
    expect(await process({ id: "2", name: "seal-ledger", data: {} })).toEqual({ sealed: 3 });
    expect(seals).toBe(1);
    expect(seen).toHaveLength(0);
  });

  it("runs the budget sweeps on a budget-alerts job and the allocation sweep on its own", async () => {
    const ran: string[] = [];
    const process = createHousekeepingProcessor(
      createLogger("error"),
      () => ran.push("heartbeat"),
      undefined,
      undefined,
      {
        allocationAlerts: () => Promise.resolve(ran.push("allocation")),
        budgetAlerts: () => Promise.resolve(ran.push("budget")),
      },
    );
    await process({ id: "3", name: "budget-alerts", data: {} });
    await process({ id: "4", name: "allocation-alerts", data: {} });
    expect(ran).toEqual(["budget", "allocation"]);
    await expect(process({ id: "5", name: "budget-alerts", data: { now: "x" } })).rejects.toThrow(
      /malformed/,
    );
  });
});
