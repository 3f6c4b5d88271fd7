import type { DataClassification, JobTemplateKind, ResourceKind } from "@tessera/db";
import { loadPricesInForce } from "../catalogue/load-prices-in-force";
import { countsTokens } from "../catalogue/metering-unit";
import { toSafeNumber } from "../programmes/money";
import type { TenantAccess } from "../tenancy/tenant-access";
import type { NodeCluster } from "./node-placement";
import {
  clustersRunning,
  reachOfClass,
  reachOfProject,
  toPlacementCluster,
  type PlacementCluster,
  type PlacementPurpose,
  type ProjectReach,
} from "./place-workload";
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
    /** The application's title the award came from: what tells two awards of a programme apart. */
    awardTitle: string;
    validTo: Date;
    resourceClass: { id: string; code: string; name: string; unit: string; kind: ResourceKind };
    grantedUnitSeconds: number;
    heldUnitSeconds: number;
    consumedUnitSeconds: number;
    remainingUnitSeconds: number;
    /**
     * The most units one job on this line may ask for: the largest capacity of the class on a
     * cluster that runs training jobs, capped by the platform's limit; 0 when none does.
     */
    maxQuantity: number;
    /** Why no cluster runs the class, in placement's words (null when maxQuantity > 0). */
    noClusterReason: string | null;
    /**
     * The clusters that run training jobs of the class, with their capacity and units per node:
     * the form says from them how a size sits on nodes, and which sizes a node rule allows.
     */
    jobClusters: NodeCluster[];
    /**
     * The clusters that serve inference endpoints of the class, with their units per node: the
     * endpoint form says from them as the person types when a replica fits on no node.
     */
    endpointClusters: NodeCluster[];
    /**
     * For each project, whether an inference endpoint on this line's class may land anywhere, by
     * placement's own rule (the project's residency and classification), and where it could.
     */
    endpointReach: ({ projectId: string } & ProjectReach)[];
    /**
     * The class's list price per unit-hour in force now (what usage is metered and billed at; the
     * award's own price when the catalogue has none), and the award's terms, for pricing on a form.
     */
    listPriceMinorPerHour: number;
    currency: string;
    subsidyRateBps: number;
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

/** The clusters that run a class for the purpose, as the node rules read them. */
function nodeClustersRunning(
  clusters: readonly PlacementCluster[],
  purpose: PlacementPurpose,
): NodeCluster[] {
  return clustersRunning(clusters, purpose).map(({ name, capacity, unitsPerNode }) => ({
    name,
    capacity,
    unitsPerNode: unitsPerNode ?? null,
  }));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Allocation lines in the order the forms offer them, the same on every visit whatever order the
 * database returns them in: by programme, then by class name and code, then (two awards of the
 * same class) the award ending first, then by award title, then by line.
 */
export function inFormOrder<
  T extends {
    programmeName: string;
    awardTitle: string;
    validTo: Date;
    resourceClass: { name: string; code: string };
    allocationLineId: string;
  },
>(lines: readonly T[]): T[] {
  return [...lines].sort(
    (a, b) =>
      a.programmeName.localeCompare(b.programmeName, "en") ||
      a.resourceClass.name.localeCompare(b.resourceClass.name, "en") ||
      byText(a.resourceClass.code, b.resourceClass.code) ||
      a.validTo.getTime() - b.validTo.getTime() ||
      a.awardTitle.localeCompare(b.awardTitle, "en") ||
      byText(a.allocationLineId, b.allocationLineId),
  );
}

/**
 * What the submit form offers: projects, lines of compute allocations valid now (each with the most units
 * a job on it may ask for), active templates. Clusters are the platform's, read whole: every
 * tenant's jobs share them.
 */
export async function getWorkloadFormOptions(
  tenant: TenantAccess,
  now: Date = new Date(),
): Promise<WorkloadFormOptions> {
  const [organization, projects, allocations, templates, clusters] = await Promise.all([
    tenant.db.organization.findUniqueOrThrow({
      where: { id: tenant.organization.id },
      select: { country: true },
    }),
    tenant.db.project.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, classification: true, residency: true },
    }),
    tenant.db.allocation.findMany({
      where: { validFrom: { lte: now }, validTo: { gt: now } },
      orderBy: { validTo: "asc" },
      include: {
        programme: { select: { name: true } },
        request: { select: { title: true } },
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
    tenant.db.cluster.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        jurisdiction: true,
        active: true,
        endpoint: true,
        resources: { select: { resourceClassId: true, capacity: true, unitsPerNode: true } },
      },
    }),
  ]);
  // Usage is billed at the catalogue price in force when it runs, not the price the award was
  // valued at: a form prices with the former, so its figure is what the invoice will say.
  const prices = await loadPricesInForce(
    tenant.db,
    allocations.flatMap((a) => a.lines.map((l) => l.resourceClass.id)),
    now,
  );
  const clustersFor = (resourceClassId: string) =>
    clusters.map(({ resources, ...cluster }) =>
      toPlacementCluster({
        ...cluster,
        ...resources.find((r) => r.resourceClassId === resourceClassId),
      }),
    );
  const endpointReachOf = (resourceClassId: string) => {
    const offered = clustersFor(resourceClassId);
    return projects.map((project) => ({
      projectId: project.id,
      ...reachOfProject(offered, {
        residency: project.residency,
        classification: project.classification,
        organizationCountry: organization.country,
        purpose: "endpoint",
      }),
    }));
  };
  const lines = allocations.flatMap((allocation) =>
    allocation.lines
      // A token tier is spent through the gateway: it runs no job or endpoint, so it is not offered.
      .filter((line) => line.resourceClass.active && !countsTokens(line.resourceClass.kind))
      .map((line) => {
        const granted = toSafeNumber(line.grantedUnitSeconds, "quota");
        const held = toSafeNumber(line.heldUnitSeconds, "quota");
        const consumed = toSafeNumber(line.consumedUnitSeconds, "quota");
        const { active: _active, ...resourceClass } = line.resourceClass;
        const offered = clustersFor(resourceClass.id);
        const reach = reachOfClass(offered, WORKLOAD_LIMITS.maxQuantity);
        return {
          allocationLineId: line.id,
          allocationId: allocation.id,
          programmeName: allocation.programme.name,
          awardTitle: allocation.request.title,
          validTo: allocation.validTo,
          resourceClass,
          grantedUnitSeconds: granted,
          heldUnitSeconds: held,
          consumedUnitSeconds: consumed,
          remainingUnitSeconds: granted - held - consumed,
          maxQuantity: reach.maxQuantity,
          noClusterReason: reach.reason,
          jobClusters: nodeClustersRunning(offered, "job"),
          endpointClusters: nodeClustersRunning(offered, "endpoint"),
          endpointReach: endpointReachOf(resourceClass.id),
          listPriceMinorPerHour:
            prices.get(resourceClass.id)?.minorPerUnitHour ?? line.listPriceMinorPerHour,
          currency: prices.get(resourceClass.id)?.currency ?? allocation.currency,
          subsidyRateBps: allocation.subsidyRateBps,
        };
      }),
  );
  return {
    projects,
    lines: inFormOrder(lines),
    templates,
    limits: {
      maxQuantity: WORKLOAD_LIMITS.maxQuantity,
      minWalltimeSeconds: WORKLOAD_LIMITS.minWalltimeSeconds,
      maxWalltimeSeconds: WORKLOAD_LIMITS.maxWalltimeSeconds,
      maxSimSeconds: WORKLOAD_LIMITS.maxSimSeconds,
    },
  };
}
