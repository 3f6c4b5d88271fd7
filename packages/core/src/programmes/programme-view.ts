import type { OrganizationKind, Prisma } from "@tessera/db";
import { callState, type CallState } from "./call-state";
import { toSafeNumber } from "./money";

export const PROGRAMME_WITH_CALLS = {
  calls: { orderBy: [{ opensAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.ProgrammeInclude;

export type ProgrammeWithCalls = Prisma.ProgrammeGetPayload<{
  include: typeof PROGRAMME_WITH_CALLS;
}>;

export interface CallView {
  id: string;
  programmeId: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  state: CallState;
}

/** A programme as the API returns it. Money is integer minor units of `currency` (safe integers). */
export interface ProgrammeView {
  id: string;
  slug: string;
  name: string;
  sponsor: string;
  description: string;
  currency: string;
  budgetMinor: number;
  awardedMinor: number;
  remainingMinor: number;
  subsidyRateBps: number;
  eligibleKinds: OrganizationKind[];
  eligibleCountries: string[];
  orgCapMinor: number;
  createdAt: Date;
  updatedAt: Date;
  calls: CallView[];
  /** The call open now, if any (the one an application would be submitted to). */
  openCall: CallView | null;
}

export function toCallView(
  call: { id: string; programmeId: string; name: string; opensAt: Date; closesAt: Date },
  now: Date,
): CallView {
  return {
    id: call.id,
    programmeId: call.programmeId,
    name: call.name,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    state: callState(call, now),
  };
}

export function toProgrammeView(
  programme: ProgrammeWithCalls,
  now: Date = new Date(),
): ProgrammeView {
  const calls = programme.calls.map((call) => toCallView(call, now));
  return {
    id: programme.id,
    slug: programme.slug,
    name: programme.name,
    sponsor: programme.sponsor,
    description: programme.description,
    currency: programme.currency,
    budgetMinor: toSafeNumber(programme.budgetMinor),
    awardedMinor: toSafeNumber(programme.awardedMinor),
    remainingMinor: toSafeNumber(programme.budgetMinor - programme.awardedMinor),
    subsidyRateBps: programme.subsidyRateBps,
    eligibleKinds: programme.eligibleKinds,
    eligibleCountries: programme.eligibleCountries,
    orgCapMinor: toSafeNumber(programme.orgCapMinor),
    createdAt: programme.createdAt,
    updatedAt: programme.updatedAt,
    calls,
    openCall: calls.find((call) => call.state === "OPEN") ?? null,
  };
}
