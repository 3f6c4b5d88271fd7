import type { Prisma } from "@tessera/db";
import { callState } from "../programmes/call-state";
import { awardPricingOf } from "../applications/application-view";
import { mayDeclareConflict, mayScore, reviewState } from "./review-state";

/** What a reviewer sees of an application assigned to them: the case, not the other reviews. */
export const MY_REVIEW_DETAIL = {
  request: {
    include: {
      organization: { select: { id: true, name: true, kind: true, country: true } },
      project: { select: { id: true, name: true, classification: true, residency: true } },
      programme: { select: { id: true, name: true, currency: true, subsidyRateBps: true } },
      call: { select: { id: true, name: true, opensAt: true, closesAt: true } },
      allocation: { select: { subsidyRateBps: true } },
      lines: {
        orderBy: { resourceClass: { code: "asc" } },
        include: {
          resourceClass: { select: { id: true, code: true, name: true, kind: true, unit: true } },
        },
      },
    },
  },
} as const satisfies Prisma.ReviewInclude;

export type MyReviewRow = Prisma.ReviewGetPayload<{ include: typeof MY_REVIEW_DETAIL }>;

export function toMyReviewView(row: MyReviewRow, now: Date = new Date()) {
  const request = row.request;
  const pricing = awardPricingOf(
    request.lines,
    request.allocation?.subsidyRateBps ?? request.programme.subsidyRateBps,
    request.status,
  );
  const facts = {
    score: row.score,
    conflictDeclaredAt: row.conflictDeclaredAt,
    applicationStatus: request.status,
  };
  return {
    id: row.id,
    state: reviewState(facts),
    score: row.score,
    comment: row.comment,
    scoredAt: row.scoredAt,
    conflictDeclaredAt: row.conflictDeclaredAt,
    conflictReason: row.conflictReason,
    createdAt: row.createdAt,
    actions: { score: mayScore(facts), declareConflict: mayDeclareConflict(facts) },
    application: {
      id: request.id,
      title: request.title,
      abstract: request.abstract,
      justification: request.justification,
      status: request.status,
      dataClassification: request.dataClassification,
      periodStart: request.periodStart,
      periodEnd: request.periodEnd,
      submittedAt: request.submittedAt,
      organization: request.organization,
      project: request.project,
      programme: request.programme,
      call: { ...request.call, state: callState(request.call, now) },
      currency: request.programme.currency,
      subsidyRateBps: pricing.subsidyRateBps,
      lines: request.lines.map((line, index) => ({
        resourceClassId: line.resourceClassId,
        listPriceMinorPerHour: line.listPriceMinorPerHour,
        ...pricing.lines[index]!.requested,
        resourceClass: line.resourceClass,
        grantedUnitHours: line.grantedUnitHours,
      })),
      pricing,
      requested: pricing.requested,
      granted: pricing.granted,
    },
  };
}

export type MyReviewView = ReturnType<typeof toMyReviewView>;
