import type {
  EndpointStatus,
  MembershipRole,
  VerificationStatus,
  WorkloadStatus,
} from "@tessera/db";
import {
  ALLOCATION_DETAIL,
  toAllocationViews,
  type AllocationLineView,
  type AllocationView,
} from "../allocations/allocation-view";
import { LIVE_ENDPOINT_STATUSES } from "../endpoints/endpoint-rules";
import { toSafeNumber } from "../programmes/money";
import { countsTokens } from "../catalogue/metering-unit";
import type { TenantAccess } from "../tenancy/tenant-access";
import { nextStepsFor, type NextStep } from "./next-steps";

const PENDING_STATUSES: WorkloadStatus[] = ["ACCEPTED", "SUBMITTED", "PENDING"];
const FAILED_STATUSES: WorkloadStatus[] = ["FAILED", "LOST", "REFUSED"];
const OPEN_APPLICATION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
] as const;
/** A shared endpoint in these states answers the calls made to it slowly, or not at all. */
const FAILING: EndpointStatus[] = ["DEGRADED", "FAILED"];
/** Failures older than this are not "recent". */
const RECENT_FAILURE_DAYS = 7;
const FAILURES_SHOWN = 5;
const ALLOCATIONS_SHOWN = 10;
/**
 * How a hold's reference names the work it is for: submitWorkload holds for a job as
 * "workload:<id>", an endpoint holds each lease window as "endpoint:<id>:<n>".
 */
const JOB_HOLD_PREFIX = "workload:";
const ENDPOINT_HOLD_PREFIX = "endpoint:";

/** An endpoint of the organisation's that answers slowly or not at all. */
export interface TroubledEndpoint {
  id: string;
  name: string;
  status: EndpointStatus;
  statusReason: string | null;
}

/** The organisation's own inference endpoints, by what they are doing now. */
export interface HomeEndpoints {
  /** Ready, every replica answering. */
  serving: number;
  /** Asleep until a request wakes them. */
  scaledToZero: number;
  /** Accepted or deploying: not answering yet. */
  starting: number;
  /** Degraded or failed, with why. */
  troubled: TroubledEndpoint[];
}

export interface RecentFailure {
  id: string;
  name: string;
  status: WorkloadStatus;
  statusReason: string | null;
  exitCode: number | null;
  endedAt: Date | null;
}

/** A quota line with what of its hold is for jobs and what for inference endpoints. */
export interface HomeAllocationLine extends AllocationLineView {
  heldByJobsUnitSeconds: number;
  heldByEndpointsUnitSeconds: number;
}

export interface HomeAllocation extends Omit<AllocationView, "lines"> {
  lines: HomeAllocationLine[];
}

export interface OrganizationHome {
  organization: { id: string; name: string; status: VerificationStatus };
  role: MembershipRole;
  memberCount: number;
  projectCount: number;
  /** Allocations that are running now or start later, soonest ending first. */
  allocations: HomeAllocation[];
  /** Training jobs only: endpoints are not jobs (they are counted on their own page). */
  jobs: { running: number; pending: number };
  /** Training jobs that failed lately. */
  recentFailures: RecentFailure[];
  endpoints: HomeEndpoints;
  openApplications: number;
  nextSteps: NextStep[];
}

/**
 * One organisation's part of a member's home page: quota left per allocation line with its
 * expiry, jobs running and waiting, recent failures, and what to do next. Read through the
 * tenant-scoped client, like every tenant read.
 */
export async function getOrganizationHome(
  tenant: TenantAccess & { organization: { status: VerificationStatus } },
  now: Date = new Date(),
): Promise<OrganizationHome> {
  const since = new Date(now.getTime() - RECENT_FAILURE_DAYS * 86_400_000);
  const [
    memberCount,
    projectCount,
    allocations,
    jobCounts,
    failures,
    openApplications,
    heldByJobs,
    heldByEndpoints,
    apiKeys,
    liveEndpoints,
    sharedFailing,
    endpointCounts,
    troubledEndpoints,
  ] = await Promise.all([
    tenant.db.membership.count(),
    tenant.db.project.count(),
    tenant.db.allocation.findMany({
      where: { validTo: { gt: now } },
      include: ALLOCATION_DETAIL,
      orderBy: { validTo: "asc" },
      take: ALLOCATIONS_SHOWN,
    }),
    tenant.db.workload.groupBy({
      by: ["status"],
      where: { kind: "TRAINING_JOB", status: { in: ["RUNNING", ...PENDING_STATUSES] } },
      _count: { _all: true },
    }),
    tenant.db.workload.findMany({
      where: {
        kind: "TRAINING_JOB",
        status: { in: FAILED_STATUSES },
        updatedAt: { gte: since },
      },
      select: {
        id: true,
        name: true,
        status: true,
        statusReason: true,
        exitCode: true,
        endedAt: true,
      },
      orderBy: { updatedAt: "desc" },
      take: FAILURES_SHOWN,
    }),
    tenant.db.allocationRequest.count({
      where: { status: { in: [...OPEN_APPLICATION_STATUSES] } },
    }),
    activeHoldsByLine(tenant, JOB_HOLD_PREFIX),
    activeHoldsByLine(tenant, ENDPOINT_HOLD_PREFIX),
    tenant.db.apiKey.count({ where: { revokedAt: null, expiresAt: { gt: now } } }),
    tenant.db.endpoint.count({ where: { status: { in: [...LIVE_ENDPOINT_STATUSES] } } }),
    tenant.db.endpoint.count({ where: { shared: true, status: { in: FAILING } } }),
    tenant.db.endpoint.groupBy({
      by: ["status"],
      where: { status: { in: [...LIVE_ENDPOINT_STATUSES] } },
      _count: { _all: true },
    }),
    tenant.db.endpoint.findMany({
      where: { status: { in: FAILING } },
      select: {
        workloadId: true,
        status: true,
        statusReason: true,
        workload: { select: { name: true } },
      },
      orderBy: { updatedAt: "desc" },
      take: FAILURES_SHOWN,
    }),
  ]);
  const endpointsIn = (statuses: EndpointStatus[]) =>
    endpointCounts
      .filter((row) => statuses.includes(row.status))
      .reduce((sum, row) => sum + row._count._all, 0);
  const count = (statuses: WorkloadStatus[]) =>
    jobCounts
      .filter((row) => statuses.includes(row.status))
      .reduce((sum, row) => sum + row._count._all, 0);
  const jobs = { running: count(["RUNNING"]), pending: count(PENDING_STATUSES) };
  const allocationViews = await toAllocationViews(
    tenant.db,
    tenant.organization.id,
    allocations,
    now,
  );
  const views = allocationViews.map((view) => {
    return {
      ...view,
      lines: view.lines.map((line) => ({
        ...line,
        heldByJobsUnitSeconds: heldByJobs.get(line.id) ?? 0,
        heldByEndpointsUnitSeconds: heldByEndpoints.get(line.id) ?? 0,
      })),
    };
  });
  return {
    organization: {
      id: tenant.organization.id,
      name: tenant.organization.name,
      status: tenant.organization.status,
    },
    role: tenant.role,
    memberCount,
    projectCount,
    allocations: views,
    jobs,
    recentFailures: failures,
    endpoints: {
      serving: endpointsIn(["READY"]),
      scaledToZero: endpointsIn(["SCALED_TO_ZERO"]),
      starting: endpointsIn(["ACCEPTED", "DEPLOYING"]),
      troubled: troubledEndpoints.map((row) => ({
        id: row.workloadId,
        name: row.workload.name,
        status: row.status,
        statusReason: row.statusReason,
      })),
    },
    openApplications,
    nextSteps: nextStepsFor({
      status: tenant.organization.status,
      role: tenant.role,
      memberCount,
      projectCount,
      openApplications,
      jobs,
      // Compute left to run a job on: tokens are spent through the gateway, not by jobs.
      quotaLeft: left(views, (line) => !countsTokens(line.resourceClass.kind)),
      tokensLeft: left(views, (line) => countsTokens(line.resourceClass.kind)),
      apiKeys,
      endpoints: { live: liveEndpoints, sharedFailing },
    }),
  };
}

/** Whether an allocation that takes holds now has something left on a line of the kind asked. */
function left(allocations: HomeAllocation[], kind: (line: HomeAllocationLine) => boolean): boolean {
  return allocations.some(
    (allocation) =>
      allocation.acceptsHolds &&
      allocation.lines.some((line) => line.remainingUnitSeconds > 0 && kind(line)),
  );
}

/** Unit-seconds held now per allocation line by the holds whose reference starts so. */
async function activeHoldsByLine(
  tenant: TenantAccess,
  referencePrefix: string,
): Promise<Map<string, number>> {
  const rows = await tenant.db.quotaHold.groupBy({
    by: ["allocationLineId"],
    where: { status: "ACTIVE", reference: { startsWith: referencePrefix } },
    _sum: { unitSeconds: true },
  });
  return new Map(
    rows.map((row) => [row.allocationLineId, toSafeNumber(row._sum.unitSeconds ?? 0n)]),
  );
}
