import { describe, expect, it } from "vitest";
import {
  admittedReplicas,
  quotaOutOfStep,
  quotaReplicas,
  tenantQuota,
  type TenantQuotaLine,
} from "./tenant-quota";

const gpu = (desiredReplicas: number, presentReplicas: number): TenantQuotaLine => ({
  desiredReplicas,
  presentReplicas,
  accelerator: "nvidia.com/gpu",
  acceleratorCount: 2,
  cpu: 8,
  memoryGi: 64,
});
const cpu = (desiredReplicas: number, presentReplicas: number): TenantQuotaLine => ({
  desiredReplicas,
  presentReplicas,
  accelerator: null,
  acceleratorCount: 1,
  cpu: 1,
  memoryGi: 4,
});

describe("quotaReplicas", () => {
  it("counts what Tessera admitted when the pods there are fewer (a scale-up on its way)", () => {
    expect(quotaReplicas({ desiredReplicas: 4, presentReplicas: 1 })).toBe(4);
  });

  it("counts the pods still there when they are more (a scale-down not finished)", () => {
    expect(quotaReplicas({ desiredReplicas: 0, presentReplicas: 5 })).toBe(5);
    expect(quotaReplicas({ desiredReplicas: 1, presentReplicas: 3 })).toBe(3);
  });
});

describe("tenantQuota", () => {
  it("sums each endpoint's admitted replicas in accelerators, CPU, memory and pods", () => {
    expect(tenantQuota([gpu(2, 2), cpu(3, 3)])).toEqual({
      "nvidia.com/gpu": "4",
      cpu: "19",
      memory: "140Gi",
      pods: "5",
    });
  });

  it("keeps room for a scale-down's pods until they have gone, beside the scale-up that replaces them", () => {
    // Five endpoints scaled from one replica to none, ten from one to two, at once: the quota
    // admission still counts the five's pods, so a quota of 25 would refuse five of the new ones.
    const lines = [
      ...Array.from({ length: 5 }, () => cpu(0, 1)),
      ...Array.from({ length: 10 }, () => cpu(2, 1)),
      ...Array.from({ length: 5 }, () => cpu(1, 1)),
    ];
    expect(tenantQuota(lines).pods).toBe("30");
    // Once they have gone it is what Tessera admitted.
    const gone = lines.map((line) => ({
      ...line,
      presentReplicas: Math.min(line.presentReplicas, line.desiredReplicas),
    }));
    expect(tenantQuota(gone).pods).toBe("25");
  });

  it("counts the accelerators, CPU and memory of the pods still there, not only their number", () => {
    expect(tenantQuota([gpu(0, 1), gpu(1, 0)])).toEqual({
      "nvidia.com/gpu": "4",
      cpu: "16",
      memory: "128Gi",
      pods: "2",
    });
  });

  it("is all zeros for an organisation with no live endpoints", () => {
    expect(tenantQuota([])).toEqual({ cpu: "0", memory: "0Gi", pods: "0" });
  });
});

describe("admittedReplicas", () => {
  it("is the desired replicas of a live endpoint, and none once it is no longer live", () => {
    expect(admittedReplicas({ status: "READY", desiredReplicas: 3 })).toBe(3);
    expect(admittedReplicas({ status: "ACCEPTED", desiredReplicas: 2 })).toBe(2);
    // A failed endpoint's row keeps the replicas it wanted; a deleting one's says 0 already.
    expect(admittedReplicas({ status: "FAILED", desiredReplicas: 2 })).toBe(0);
    expect(admittedReplicas({ status: "DELETING", desiredReplicas: 0 })).toBe(0);
    expect(admittedReplicas({ status: "DELETED", desiredReplicas: 0 })).toBe(0);
  });
});

describe("the quota beside a delete", () => {
  it("keeps room for a deleted endpoint's pods until they have gone, beside the scale-up and the deploy that take its place", () => {
    // One endpoint of three replicas deleted; another scaled from one to three and a third
    // deployed with one, at once: three pods leave while three new ones start.
    const deleted = cpu(admittedReplicas({ status: "DELETING", desiredReplicas: 0 }), 3);
    const lines = [deleted, cpu(3, 1), cpu(1, 0)];
    expect(tenantQuota(lines).pods).toBe("7");
    // Once they have gone, what Tessera admitted.
    expect(tenantQuota([{ ...deleted, presentReplicas: 0 }, cpu(3, 3), cpu(1, 1)]).pods).toBe("4");
  });

  it("counts the accelerators of a failed endpoint's pods still there, never the replicas it wanted", () => {
    const failed = admittedReplicas({ status: "FAILED", desiredReplicas: 4 });
    expect(tenantQuota([gpu(failed, 1), gpu(1, 1)])["nvidia.com/gpu"]).toBe("4");
    expect(tenantQuota([gpu(failed, 0), gpu(1, 1)])["nvidia.com/gpu"]).toBe("2");
  });
});

describe("quotaOutOfStep", () => {
  const live = (quotaReplicas: number, desiredReplicas: number) => ({
    status: "READY" as const,
    quotaReplicas,
    desiredReplicas,
  });

  it("is true for a live endpoint once the pods the quota was kept for have gone", () => {
    expect(quotaOutOfStep(live(3, 1), 1)).toBe(true);
    expect(quotaOutOfStep({ ...live(3, 0), status: "SCALED_TO_ZERO" }, 2)).toBe(true);
  });

  it("is false for a live endpoint while they are still there, or when the quota counts no more than admitted", () => {
    expect(quotaOutOfStep(live(3, 1), 3)).toBe(false);
    expect(quotaOutOfStep(live(2, 2), 0)).toBe(false);
    // A scale-up's larger count comes with its own convergence.
    expect(quotaOutOfStep(live(1, 4), 1)).toBe(false);
  });

  it("follows a deleted, deleting or failed endpoint's pods as they leave, down to none", () => {
    const deleted = { status: "DELETED" as const, quotaReplicas: 3, desiredReplicas: 0 };
    expect(quotaOutOfStep(deleted, 3)).toBe(false);
    expect(quotaOutOfStep(deleted, 1)).toBe(true);
    expect(quotaOutOfStep(deleted, 0)).toBe(true);
    expect(quotaOutOfStep({ ...deleted, quotaReplicas: 0 }, 0)).toBe(false);
    // A failed endpoint's row still says what it wanted: only its pods count.
    expect(quotaOutOfStep({ status: "FAILED", quotaReplicas: 2, desiredReplicas: 2 }, 0)).toBe(
      true,
    );
  });

  it("is true for an endpoint no longer live with more pods than the quota counted for it", () => {
    expect(quotaOutOfStep({ status: "DELETING", quotaReplicas: 0, desiredReplicas: 0 }, 2)).toBe(
      true,
    );
  });
});
