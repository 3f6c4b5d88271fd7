import type {
  AllocationRequestStatus,
  DataClassification,
  Prisma,
  ResourceKind,
} from "@tessera/db";
import { callState, type CallState } from "../programmes/call-state";
import {
  priceAward,
  type AwardPricing,
  type PriceTotals,
  type PricedLine,
} from "../programmes/pricing";
import { toSafeNumber } from "../programmes/money";
import type { DeclaredAidInput } from "../state-aid/declared-aid";
import { dateToDay } from "../state-aid/undertaking";
import { applicantActions } from "./application-state";

/** Everything the applicant's page shows, in one query. */
/** A request line's class with its list price now, to set beside the price the line was quoted. */
export const CLASS_WITH_PRICE_NOW = {
  select: { id: true, code: true, name: true, kind: true, unit: true, listPriceMinorPerHour: true },
} as const satisfies Prisma.ResourceClassDefaultArgs;

export const APPLICATION_DETAIL = {
  project: { select: { id: true, name: true, classification: true, residency: true } },
  programme: {
    select: { id: true, name: true, sponsor: true, currency: true, subsidyRateBps: true },
  },
  call: { select: { id: true, name: true, opensAt: true, closesAt: true } },
  lines: {
    orderBy: { resourceClass: { code: "asc" } },
    include: {
      // Its list price now, beside the line's own (the price it was quoted at when submitted).
      resourceClass: CLASS_WITH_PRICE_NOW,
    },
  },
  events: {
    orderBy: { id: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  },
  createdBy: { select: { id: true, name: true } },
  submittedBy: { select: { id: true, name: true } },
  allocation: { select: { id: true, validFrom: true, validTo: true, subsidyRateBps: true } },
  declaredAid: { orderBy: { position: "asc" } },
} as const satisfies Prisma.AllocationRequestInclude;

export type ApplicationDetailRow = Prisma.AllocationRequestGetPayload<{
  include: typeof APPLICATION_DETAIL;
}>;

export interface ApplicationLineView extends PricedLine {
  /** The class, with its list price now (the line's own listPriceMinorPerHour is the quoted one). */
  resourceClass: {
    id: string;
    code: string;
    name: string;
    kind: ResourceKind;
    unit: string;
    listPriceMinorPerHour: number;
  };
  /** Granted hours (millions of tokens for a TOKENS class) once approved (never more than requested), otherwise null. */
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
  /**
   * Requested and granted side by side, line by line and in total, at the saved list prices and
   * the programme's rate; the granted side is null until approved.
   */
  pricing: AwardPricing;
  /** = pricing.requested. */
  requested: PriceTotals;
  /** = pricing.granted: null until approved. */
  granted: PriceTotals | null;
  events: ApplicationEventView[];
  createdBy: { id: string; name: string | null };
  submittedBy: { id: string; name: string | null } | null;
  allocation: { id: string; validFrom: Date; validTo: Date; subsidyRateBps: number } | null;
  /** Other de minimis aid declared with the application (euro cents, "YYYY-MM-DD"). */
  otherDeMinimisAid: DeclaredAidInput[];
  actions: ReturnType<typeof applicantActions>;
}

export function toApplicationView(
  row: ApplicationDetailRow,
  now: Date = new Date(),
): ApplicationView {
  // An award keeps the rate it was priced at, even if the programme's rate changes later.
  const rate = row.allocation?.subsidyRateBps ?? row.programme.subsidyRateBps;
  const pricing = awardPricingOf(row.lines, rate, row.status);
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
      resourceClassId: line.resourceClassId,
      listPriceMinorPerHour: line.listPriceMinorPerHour,
      ...pricing.lines[index]!.requested,
      resourceClass: line.resourceClass,
      grantedUnitHours: line.grantedUnitHours,
    })),
    pricing,
    requested: pricing.requested,
    granted: pricing.granted,
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
    otherDeMinimisAid: row.declaredAid.map((aid) => ({
      grantor: aid.grantor,
      amountMinor: toSafeNumber(aid.amountMinor),
      grantedOn: dateToDay(aid.grantedOn),
    })),
    actions: applicantActions(row.status),
  };
}

/**
 * An application's requested and granted money by the one pricing rule; a grant exists once
 * approved.
 */
export function awardPricingOf(
  lines: readonly {
    resourceClassId: string;
    unitHours: number;
    grantedUnitHours: number | null;
    listPriceMinorPerHour: number;
  }[],
  subsidyRateBps: number,
  status: AllocationRequestStatus,
): AwardPricing {
  return priceAward(
    lines.map((line) => ({
      resourceClassId: line.resourceClassId,
      requestedUnitHours: line.unitHours,
      grantedUnitHours: line.grantedUnitHours,
      listPriceMinorPerHour: line.listPriceMinorPerHour,
    })),
    subsidyRateBps,
    status === "APPROVED",
  );
}
