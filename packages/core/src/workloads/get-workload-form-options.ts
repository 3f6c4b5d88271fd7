import type { DataClassification, JobTemplateKind, ResourceKind } from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import { WORKLOAD_LIMITS } from "./workload-limits";

export interface WorkloadFormOptions {
  projects: {
    id: string;
    name: string;
    classification: DataClassification;
    residency: string | null;
  }[];
  lines: {
    allocationLineId: string;
    allocationId: string;
    programmeName: string;
    validTo: Date;
    resourceClass: { id: string; code: string; name: string; unit: string; kind: ResourceKind };
    grantedUnitSeconds: number;
    heldUnitSeconds: number;
    consumedUnitSeconds: number;
    remainingUnitSeconds: number;
  }[];
  templates: {
    id: string;
    code: string;
    name: string;
    description: string;
    kind: JobTemplateKind;
    defaultImage: string | null;
    script: string;
  }[];
  limits: {
    maxQuantity: number;
    minWalltimeSeconds: number;
    maxWalltimeSeconds: number;
    maxSimSeconds: number;
  };
}

/** What the submit form offers: projects, lines of allocations valid now, active templates. */
export async function getWorkloadFormOptions(
  tenant: TenantAccess,
  now: Date = new Date(),
): Promise<WorkloadFormOptions> {
  const [projects, allocations, templates] = await Promise.all([
    tenant.db.project.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, classification: true, residency: true },
    }),
    tenant.db.allocation.findMany({
      where: { validFrom: { lte: now }, validTo: { gt: now } },
      orderBy: { validTo: "asc" },
      include: {
        programme: { select: { name: true } },
        lines: {
          include: {
            resourceClass: {
              select: { id: true, code: true, name: true, unit: true, kind: true, active: true },
            },
          },
        },
      },
    }),
    tenant.db.jobTemplate.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        description: true,
        kind: true,
        defaultImage: true,
        script: true,
      },
    }),
  ]);
  const lines = allocations.flatMap((allocation) =>
    allocation.lines
      .filter((line) => line.resourceClass.active)
      .map((line) => {
        const granted = toSafeNumber(line.grantedUnitSeconds, "quota");
        const held = toSafeNumber(line.heldUnitSeconds, "quota");
        const consumed = toSafeNumber(line.consumedUnitSeconds, "quota");
        const { active: _active, ...resourceClass } = line.resourceClass;
        return {
          allocationLineId: line.id,
          allocationId: allocation.id,
          programmeName: allocation.programme.name,
          validTo: allocation.validTo,
          resourceClass,
          grantedUnitSeconds: granted,
          heldUnitSeconds: held,
          consumedUnitSeconds: consumed,
          remainingUnitSeconds: granted - held - consumed,
        };
      }),
  );
  return {
    projects,
    lines,
    templates,
    limits: {
      maxQuantity: WORKLOAD_LIMITS.maxQuantity,
      minWalltimeSeconds: WORKLOAD_LIMITS.minWalltimeSeconds,
      maxWalltimeSeconds: WORKLOAD_LIMITS.maxWalltimeSeconds,
      maxSimSeconds: WORKLOAD_LIMITS.maxSimSeconds,
    },
  };
}
