import type { AllocationRequestStatus, Prisma } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import type { PriceTotals } from "../programmes/pricing";
import { awardPricingOf } from "./application-view";
import type { TenantAccess } from "../tenancy/tenant-access";

export interface ApplicationSummary {
  id: string;
  title: string;
  status: AllocationRequestStatus;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  periodStart: Date;
  periodEnd: Date;
  project: { id: string; name: string };
  programme: { id: string; name: string; currency: string };
  call: { id: string; name: string };
  requested: PriceTotals;
  /** Null until approved. */
  granted: PriceTotals | null;
  allocationId: string | null;
}

/**
 * The organisation's applications, newest first, optionally of one status or project. Unfiltered,
 * a draft withdrawn before it was ever submitted is left out (it went nowhere); the withdrawn
 * filter still lists it.
 */
export async function listApplications(
  tenant: TenantAccess,
  input: PageInput & { status?: AllocationRequestStatus | null; projectId?: string | null },
): Promise<Page<ApplicationSummary>> {
  const size = pageSize(input.limit);
  const rows = await tenant.db.allocationRequest.findMany({
    where: {
      ...(input.status
        ? { status: input.status }
        : { NOT: { status: "WITHDRAWN" as const, submittedAt: null } }),
      ...(input.projectId ? { projectId: input.projectId } : {}),
      ...afterTimeCursor(input.cursor),
    },
    include: SUMMARY_INCLUDE,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return {
    items: page.items.map(toApplicationSummary),
    nextCursor: page.nextCursor,
  };
}

/** What a list of applications reads of each: the same for the organisation and the admins. */
export const SUMMARY_INCLUDE = {
  project: { select: { id: true, name: true } },
  programme: { select: { id: true, name: true, currency: true, subsidyRateBps: true } },
  call: { select: { id: true, name: true } },
  lines: {
    select: {
      resourceClassId: true,
      unitHours: true,
      grantedUnitHours: true,
      listPriceMinorPerHour: true,
    },
  },
  allocation: { select: { id: true, subsidyRateBps: true } },
} satisfies Prisma.AllocationRequestInclude;

type SummaryRow = Prisma.AllocationRequestGetPayload<{ include: typeof SUMMARY_INCLUDE }>;

/** One application as a list shows it, priced by the one pricing rule. */
export function toApplicationSummary(row: SummaryRow): ApplicationSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    project: row.project,
    programme: { id: row.programme.id, name: row.programme.name, currency: row.programme.currency },
    call: row.call,
    ...awardTotals(
      row.lines,
      row.allocation?.subsidyRateBps ?? row.programme.subsidyRateBps,
      row.status,
    ),
    allocationId: row.allocation?.id ?? null,
  };
}

/** The totals a list shows: requested and granted, by the one pricing rule. */
export function awardTotals(
  ...args: Parameters<typeof awardPricingOf>
): Pick<ApplicationSummary, "requested" | "granted"> {
  const pricing = awardPricingOf(...args);
  return { requested: pricing.requested, granted: pricing.granted };
}
