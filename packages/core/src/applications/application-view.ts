import type { AllocationRequestStatus, DataClassification, Prisma } from "@tessera/db";
import { callState, type CallState } from "../programmes/call-state";
import { priceLines, type PriceTotals, type PricedLine } from "../programmes/pricing";
import { applicantActions } from "./application-state";

/** Everything the applicant's page shows, in one query. */
export const APPLICATION_DETAIL = {
  project: { select: { id: true, name: true, classification: true, residency: true } },
  programme: {
    select: { id: true, name: true, sponsor: true, currency: true, subsidyRateBps: true },
  },
  call: { select: { id: true, name: true, opensAt: true, closesAt: true } },
  lines: {
    orderBy: { resourceClass: { code: "asc" } },
    include: {
      resourceClass: { select: { id: true, code: true, name: true, kind: true, unit: true } },
    },
  },
  events: {
    orderBy: { id: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  },
  createdBy: { select: { id: true, name: true } },
  submittedBy: { select: { id: true, name: true } },
  allocation: { select: { id: true, validFrom: true, validTo: true } },
} as const satisfies Prisma.AllocationRequestInclude;

export type ApplicationDetailRow = Prisma.AllocationRequestGetPayload<{
  include: typeof APPLICATION_DETAIL;
}>;

export interface ApplicationLineView extends PricedLine {
  resourceClass: { id: string; code: string; name: string; kind: string; unit: string };
  /** Granted hours once approved (never more than requested), otherwise null. */
  grantedUnitHours: number | null;
}

export interface ApplicationEventView {
  id: string;
  fromStatus: AllocationRequestStatus | null;
  toStatus: AllocationRequestStatus;
  note: string | null;
  createdAt: Date;
  actor: { id: string; name: string | null } | null;
}

/** An application as the applicant sees it: requested lines priced, history, decision. */
export interface ApplicationView {
  id: string;
  organizationId: string;
  status: AllocationRequestStatus;
  title: string;
  abstract: string;
  justification: string;
  dataClassification: DataClassification;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  project: ApplicationDetailRow["project"];
  programme: ApplicationDetailRow["programme"];
  call: ApplicationDetailRow["call"] & { state: CallState };
  currency: string;
  subsidyRateBps: number;
  lines: ApplicationLineView[];
  /** Requested lines priced at their saved list prices and the programme's current rate. */
  requested: PriceTotals;
  /** Granted lines priced as awarded; null until approved. */
  granted: PriceTotals | null;
  events: ApplicationEventView[];
  createdBy: { id: string; name: string | null };
  submittedBy: { id: string; name: string | null } | null;
  allocation: { id: string; validFrom: Date; validTo: Date } | null;
  actions: ReturnType<typeof applicantActions>;
}

export function toApplicationView(
  row: ApplicationDetailRow,
  now: Date = new Date(),
): ApplicationView {
  const rate = row.programme.subsidyRateBps;
  const requested = priceLines(
    row.lines.map((line) => ({
      resourceClassId: line.resourceClassId,
      unitHours: line.unitHours,
      listPriceMinorPerHour: line.listPriceMinorPerHour,
    })),
    rate,
  );
  const approved = row.status === "APPROVED";
  const granted = approved
    ? priceLines(
        row.lines.map((line) => ({
          resourceClassId: line.resourceClassId,
          unitHours: line.grantedUnitHours ?? 0,
          listPriceMinorPerHour: line.listPriceMinorPerHour,
        })),
        rate,
      ).totals
    : null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    status: row.status,
    title: row.title,
    abstract: row.abstract,
    justification: row.justification,
    dataClassification: row.dataClassification,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    project: row.project,
    programme: row.programme,
    call: { ...row.call, state: callState(row.call, now) },
    currency: row.programme.currency,
    subsidyRateBps: rate,
    lines: row.lines.map((line, index) => ({
      ...requested.lines[index]!,
      resourceClass: line.resourceClass,
      grantedUnitHours: line.grantedUnitHours,
    })),
    requested: requested.totals,
    granted,
    events: row.events.map((event) => ({
      id: event.id.toString(),
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
      createdAt: event.createdAt,
      actor: event.actor,
    })),
    createdBy: row.createdBy,
    submittedBy: row.submittedBy,
    allocation: row.allocation,
    actions: applicantActions(row.status),
  };
}
