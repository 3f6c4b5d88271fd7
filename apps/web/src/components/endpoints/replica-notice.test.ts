import { describe, expect, it } from "vitest";
import { replicaNotice } from "./replica-notice";

const at = (
  status: Parameters<typeof replicaNotice>[1]["status"],
  ready: number,
  desired: number,
) => ({
  status,
  readyReplicas: ready,
  desiredReplicas: desired,
});

describe("the notice after a member's request follows the endpoint", () => {
  it("says scaling to zero while replicas still run, then that it is scaled to zero", () => {
    expect(replicaNotice({ kind: "stop" }, at("READY", 1, 0))).toEqual({
      message: "Scaling to zero: 1 replica is still running.",
      settled: false,
    });
    expect(replicaNotice({ kind: "stop" }, at("SCALED_TO_ZERO", 0, 0))).toEqual({
      message:
        "Scaled to zero — no replicas run and it holds no quota; it wakes on the next request.",
      settled: true,
    });
  });

  it("gives way once another change took over: woken by a request, or failed", () => {
    expect(replicaNotice({ kind: "stop" }, at("DEPLOYING", 0, 1))).toBeNull();
    expect(replicaNotice({ kind: "stop" }, at("FAILED", 0, 0))).toBeNull();
    expect(replicaNotice({ kind: "wake" }, at("SCALED_TO_ZERO", 0, 0))).toBeNull();
    expect(replicaNotice({ kind: "scale", replicas: 2 }, at("READY", 3, 3))).toBeNull();
  });

  it("says waking until the replicas serve, and scaling until all are ready", () => {
    expect(replicaNotice({ kind: "wake" }, at("DEPLOYING", 0, 1))?.message).toBe(
      "Waking: 0 of 1 replica ready.",
    );
    expect(replicaNotice({ kind: "wake" }, at("READY", 1, 1))).toEqual({
      message: "Awake: 1 replica serving.",
      settled: true,
    });
    expect(replicaNotice({ kind: "scale", replicas: 3 }, at("DEGRADED", 1, 3))?.settled).toBe(
      false,
    );
    expect(replicaNotice({ kind: "scale", replicas: 3 }, at("READY", 3, 3))?.message).toBe(
      "Scaled to 3 replicas: all ready.",
    );
  });

  it("says deleting until the endpoint is deleted", () => {
    expect(replicaNotice({ kind: "delete" }, at("DELETING", 1, 0))?.settled).toBe(false);
    expect(replicaNotice({ kind: "delete" }, at("DELETED", 0, 0))?.settled).toBe(true);
  });
});
