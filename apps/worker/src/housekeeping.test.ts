import { describe, expect, it } from "vitest";
import { createHousekeepingProcessor, parseHousekeepingJob } from "./housekeeping";
import { createLogger } from "./logger";

describe("housekeeping jobs", () => {
  it("accepts a heartbeat with an empty payload", () => {
    expect(parseHousekeepingJob({ name: "heartbeat", data: {} })).toEqual({
      name: "heartbeat",
      data: {},
    });
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
});
