import { describe, expect, it } from "vitest";
import {
  OUTBOX_PAYLOADS,
  isOutboxEventType,
  outboxEventIdFromJobId,
  outboxJobId,
} from "./outbox-jobs";
import { trimOutputTail } from "./refresh-workload-output";

describe("outbox job ids", () => {
  it("round-trips the event id and rejects other ids", () => {
    expect(outboxJobId(42n)).toBe("outbox-42");
    expect(outboxEventIdFromJobId("outbox-42")).toBe(42n);
    expect(outboxEventIdFromJobId("repeat:track:1")).toBeNull();
    expect(outboxEventIdFromJobId(undefined)).toBeNull();
  });

  it("knows its event types and checks their payloads strictly", () => {
    expect(isOutboxEventType("workload.launch")).toBe(true);
    expect(isOutboxEventType("workload.delete")).toBe(false);
    expect(OUTBOX_PAYLOADS["workload.launch"].safeParse({ workloadId: "w1" }).success).toBe(true);
    expect(
      OUTBOX_PAYLOADS["workload.launch"].safeParse({ workloadId: "w1", extra: 1 }).success,
    ).toBe(false);
    expect(OUTBOX_PAYLOADS["tenant.provision"].safeParse({ organizationId: "o" }).success).toBe(
      false,
    );
  });
});

describe("trimOutputTail", () => {
  it("keeps short output and cuts long output at a line start", () => {
    expect(trimOutputTail("a\nb\n", 10)).toBe("a\nb\n");
    expect(trimOutputTail("line-1\nline-2\nline-3\n", 12)).toBe("line-3\n");
  });
});
