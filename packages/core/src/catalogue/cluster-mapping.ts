import type { ClusterKind, ResourceKind } from "@tessera/db";
import { countsTokens } from "./metering-unit";

/** How a resource class maps onto a cluster's backend. */
export interface ClusterMapping {
  slurmPartition?: string | null;
  slurmGres?: string | null;
  k8sResourceName?: string | null;
  k8sNodeSelector?: Record<string, string> | null;
}

export interface NormalizedMapping {
  slurmPartition: string | null;
  slurmGres: string | null;
  k8sResourceName: string | null;
  k8sNodeSelector: Record<string, string> | null;
}

export type MappingCheck =
  { ok: true; mapping: NormalizedMapping } | { ok: false; message: string };

const SLURM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
// "gpu:h100" or "gpu:1g.10gb": the driver appends ":<count>" when it submits.
const SLURM_GRES = /^[a-z][a-z0-9_]*:[A-Za-z0-9_.-]+$/;
// An extended resource name: optional DNS prefix, then a name ("cpu", "nvidia.com/gpu", "nvidia.com/mig-1g.10gb").
const K8S_RESOURCE =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const K8S_LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const K8S_LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function blank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Pure: checks that a class's mapping fits the cluster's kind — a tokens class maps onto none; a
 * Slurm cluster needs a partition
 * (and a GRES for GPUs and MIG slices), a Kubernetes cluster a resource name, a simulated cluster
 * nothing — and that no field of another backend is set.
 */
export function checkClusterMapping(
  clusterKind: ClusterKind,
  resourceKind: ResourceKind,
  input: ClusterMapping,
): MappingCheck {
  const mapping: NormalizedMapping = {
    slurmPartition: blank(input.slurmPartition),
    slurmGres: blank(input.slurmGres),
    k8sResourceName: blank(input.k8sResourceName),
    k8sNodeSelector:
      input.k8sNodeSelector && Object.keys(input.k8sNodeSelector).length > 0
        ? input.k8sNodeSelector
        : null,
  };
  const hasSlurm = mapping.slurmPartition !== null || mapping.slurmGres !== null;
  const hasK8s = mapping.k8sResourceName !== null || mapping.k8sNodeSelector !== null;

  if (countsTokens(resourceKind)) {
    return {
      ok: false,
      message:
        "A tokens class (a shared model tier) has no capacity on a cluster: the platform's shared endpoints serve it, on the hardware they were deployed on.",
    };
  }

  if (clusterKind === "SIM") {
    if (hasSlurm || hasK8s) {
      return {
        ok: false,
        message:
          "A simulated cluster needs no Slurm or Kubernetes mapping; leave those fields empty.",
      };
    }
    return { ok: true, mapping };
  }
  if (clusterKind === "SLURM") {
    if (hasK8s)
      return {
        ok: false,
        message: "A Slurm cluster takes a partition and GRES, not Kubernetes settings.",
      };
    if (!mapping.slurmPartition)
      return { ok: false, message: "Enter the Slurm partition this class runs in." };
    if (!SLURM_NAME.test(mapping.slurmPartition)) {
      return {
        ok: false,
        message: "A Slurm partition name is letters, digits, dots, dashes and underscores.",
      };
    }
    if (resourceKind === "CPU") {
      if (mapping.slurmGres)
        return { ok: false, message: "CPU cores are requested without a GRES; leave it empty." };
    } else if (!mapping.slurmGres) {
      return { ok: false, message: 'Enter the GRES for this class, for example "gpu:h100".' };
    } else if (!SLURM_GRES.test(mapping.slurmGres)) {
      return {
        ok: false,
        message: 'A GRES is written name:type, for example "gpu:h100" or "gpu:1g.10gb".',
      };
    }
    return { ok: true, mapping };
  }
  if (hasSlurm)
    return {
      ok: false,
      message: "A Kubernetes cluster takes a resource name and node selector, not Slurm settings.",
    };
  if (!mapping.k8sResourceName) {
    return {
      ok: false,
      message: 'Enter the Kubernetes resource name, for example "nvidia.com/gpu".',
    };
  }
  if (!K8S_RESOURCE.test(mapping.k8sResourceName) || mapping.k8sResourceName.length > 253) {
    return {
      ok: false,
      message: 'That is not a Kubernetes resource name, like "nvidia.com/gpu" or "cpu".',
    };
  }
  for (const [key, value] of Object.entries(mapping.k8sNodeSelector ?? {})) {
    if (!K8S_LABEL_KEY.test(key) || key.length > 317 || !K8S_LABEL_VALUE.test(value)) {
      return {
        ok: false,
        message: `The node selector "${key}: ${value}" is not a valid Kubernetes label.`,
      };
    }
  }
  return { ok: true, mapping };
}
