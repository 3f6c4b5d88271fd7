import { describe, expect, it } from "vitest";
import { checkClusterMapping } from "./cluster-mapping";

describe("checkClusterMapping", () => {
  it("maps a tokens class onto no cluster of any kind", () => {
    for (const cluster of ["SIM", "SLURM", "KUBERNETES"] as const) {
      const result = checkClusterMapping(cluster, "TOKENS", {});
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/^A tokens class \(a shared model tier\)/);
    }
  });

  it("accepts a Slurm GPU class with partition and GRES", () => {
    expect(
      checkClusterMapping("SLURM", "GPU", { slurmPartition: "gpu", slurmGres: "gpu:h100" }),
    ).toEqual({
      ok: true,
      mapping: {
        slurmPartition: "gpu",
        slurmGres: "gpu:h100",
        k8sResourceName: null,
        k8sNodeSelector: null,
      },
    });
    expect(
      checkClusterMapping("SLURM", "MIG", { slurmPartition: "mig", slurmGres: "gpu:1g.10gb" }).ok,
    ).toBe(true);
  });

  it("accepts Slurm CPU cores without a GRES and refuses one with it", () => {
    expect(checkClusterMapping("SLURM", "CPU", { slurmPartition: "cpu" }).ok).toBe(true);
    const result = checkClusterMapping("SLURM", "CPU", {
      slurmPartition: "cpu",
      slurmGres: "gpu:h100",
    });
    expect(result).toEqual({
      ok: false,
      message: "CPU cores are requested without a GRES; leave it empty.",
    });
  });

  it("refuses a Slurm mapping without a partition, a GPU without a GRES, or a malformed GRES", () => {
    expect(checkClusterMapping("SLURM", "GPU", { slurmGres: "gpu:h100" }).ok).toBe(false);
    expect(checkClusterMapping("SLURM", "GPU", { slurmPartition: "gpu" }).ok).toBe(false);
    expect(
      checkClusterMapping("SLURM", "GPU", { slurmPartition: "gpu", slurmGres: "h100" }).ok,
    ).toBe(false);
    expect(
      checkClusterMapping("SLURM", "GPU", { slurmPartition: "gpu part", slurmGres: "gpu:h100" }).ok,
    ).toBe(false);
  });

  it("refuses Kubernetes settings on a Slurm cluster and Slurm settings on a Kubernetes cluster", () => {
    expect(
      checkClusterMapping("SLURM", "GPU", {
        slurmPartition: "gpu",
        slurmGres: "gpu:h100",
        k8sResourceName: "nvidia.com/gpu",
      }).ok,
    ).toBe(false);
    expect(
      checkClusterMapping("KUBERNETES", "GPU", {
        k8sResourceName: "nvidia.com/gpu",
        slurmPartition: "gpu",
      }).ok,
    ).toBe(false);
  });

  it("accepts a Kubernetes resource name with a node selector and checks the labels", () => {
    const ok = checkClusterMapping("KUBERNETES", "MIG", {
      k8sResourceName: "nvidia.com/mig-1g.10gb",
      k8sNodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
    });
    expect(ok.ok).toBe(true);
    expect(checkClusterMapping("KUBERNETES", "CPU", { k8sResourceName: "cpu" }).ok).toBe(true);
    expect(checkClusterMapping("KUBERNETES", "GPU", {}).ok).toBe(false);
    expect(
      checkClusterMapping("KUBERNETES", "GPU", { k8sResourceName: "nvidia.com/ gpu" }).ok,
    ).toBe(false);
    expect(
      checkClusterMapping("KUBERNETES", "GPU", {
        k8sResourceName: "nvidia.com/gpu",
        k8sNodeSelector: { "bad key!": "x" },
      }).ok,
    ).toBe(false);
  });

  it("treats blank fields and an empty selector as absent", () => {
    const result = checkClusterMapping("KUBERNETES", "GPU", {
      k8sResourceName: " nvidia.com/gpu ",
      slurmPartition: "  ",
      k8sNodeSelector: {},
    });
    expect(result).toEqual({
      ok: true,
      mapping: {
        slurmPartition: null,
        slurmGres: null,
        k8sResourceName: "nvidia.com/gpu",
        k8sNodeSelector: null,
      },
    });
  });

  it("wants no mapping at all on the simulated cluster", () => {
    expect(checkClusterMapping("SIM", "GPU", {}).ok).toBe(true);
    expect(checkClusterMapping("SIM", "GPU", { slurmPartition: "gpu" }).ok).toBe(false);
  });
});
