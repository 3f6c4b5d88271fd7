import { describe, expect, it } from "vitest";
import { quotaMayShrink, quotaReplicas, tenantQuota, type TenantQuotaLine } from "./tenant-quota";

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

describe("quotaMayShrink", () => {
  it("is true once the pods the quota was kept for have gone", () => {
    expect(quotaMayShrink({ quotaReplicas: 3, desiredReplicas: 1 }, 1)).toBe(true);
    expect(quotaMayShrink({ quotaReplicas: 3, desiredReplicas: 0 }, 2)).toBe(true);
  });

  it("is false while they are still there, or when the quota counts no more than admitted", () => {
    expect(quotaMayShrink({ quotaReplicas: 3, desiredReplicas: 1 }, 3)).toBe(false);
    expect(quotaMayShrink({ quotaReplicas: 2, desiredReplicas: 2 }, 0)).toBe(false);
    expect(quotaMayShrink({ quotaReplicas: 1, desiredReplicas: 4 }, 1)).toBe(false);
  });
});
