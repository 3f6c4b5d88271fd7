"use client";

import {
  createContext,
  useContext,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from "react";
import { fitGrantToLimit } from "@tessera/core/award-rules";
import { priceLines, type PriceTotals } from "@tessera/core/pricing";
import { grantedQuantityProblem } from "@tessera/core/quantity-messages";
import { parseWholeNumber } from "./format";
import type { ResourceKind } from "@tessera/db";
import type { ApplicationForAdmin } from "./types";

/**
 * The award an administrator is entering on an application's page: each class's quantity as
 * typed, what is wrong with each, and what the award is worth. One computation, read by the
 * decision form, its confirmation and the state-aid panel, so that none of them shows an award
 * other than the one in the fields.
 */
export interface AwardDraft {
  hours: Record<string, string>;
  setHours: Dispatch<SetStateAction<Record<string, string>>>;
  /** Per line: the quantity as typed, and the sentence the server would refuse it with. */
  checked: { value: number | null; problem: string | null }[];
  firstProblem: string | null;
  /** The award as typed, priced by the function the server prices it with. */
  preview: PriceTotals;
  /**
   * When a class's list price has changed since the application was quoted: the classes, and
   * the award's hours at today's prices — with what the organisation would pay if all are used,
   * billing capping the programme's share at the award's (preview.programmeShareMinor). Null when
   * every price is still the quoted one.
   */
  repriced: RepricedAward | null;
}

export interface RepricedAward {
  classes: {
    name: string;
    quotedMinor: number;
    nowMinor: number;
    kind: ResourceKind;
    unit: string;
  }[];
  listValueMinor: number;
  tenantShareMinor: number;
}

/**
 * Where the fields start: the request, or, over the organisation's limit, the most that fits, so
 * that the first figures she sees are ones the approval can accept.
 */
export function startingHours(application: ApplicationForAdmin): Record<string, string> {
  const limit = application.organizationLimit;
  const start =
    limit !== null && !limit.fits
      ? fitGrantToLimit(application.lines, application.subsidyRateBps, limit.remainingMinor)
      : application.lines.map((line) => line.unitHours);
  return Object.fromEntries(
    application.lines.map((line, index) => [line.resourceClassId, String(start[index] ?? 0)]),
  );
}

/** Pure: the draft's figures for the quantities typed. */
export function awardDraftOf(
  application: ApplicationForAdmin,
  hours: Record<string, string>,
  setHours: AwardDraft["setHours"] = () => undefined,
): AwardDraft {
  const checked = application.lines.map((line) => {
    const value = parseWholeNumber(hours[line.resourceClassId] ?? "");
    return { value, problem: grantedQuantityProblem(value, line.unitHours, line.resourceClass) };
  });
  const preview = pricedAward(application, checked, (line) => line.listPriceMinorPerHour);
  const firstProblem = checked.find(({ problem }) => problem !== null)?.problem ?? null;
  return {
    hours,
    setHours,
    checked,
    firstProblem,
    preview,
    repriced: repricedOf(application, checked, preview),
  };
}

/**
 * The award as typed (a line with a problem counts nothing), each line at `priceOf` it, by the
 * function the server prices awards with.
 */
function pricedAward(
  application: ApplicationForAdmin,
  checked: AwardDraft["checked"],
  priceOf: (line: ApplicationForAdmin["lines"][number]) => number,
): PriceTotals {
  return priceLines(
    application.lines.map((line, index) => {
      const { value, problem } = checked[index] ?? { value: null, problem: null };
      return {
        resourceClassId: line.resourceClassId,
        unitHours: problem === null ? (value ?? 0) : 0,
        listPriceMinorPerHour: priceOf(line),
      };
    }),
    application.subsidyRateBps,
  ).totals;
}

/** The award at today's list prices, when one differs from the quoted (AwardDraft.repriced). */
function repricedOf(
  application: ApplicationForAdmin,
  checked: AwardDraft["checked"],
  preview: PriceTotals,
): RepricedAward | null {
  const changed = application.lines.filter(
    (line) => line.resourceClass.listPriceMinorPerHour !== line.listPriceMinorPerHour,
  );
  if (changed.length === 0) return null;
  const today = pricedAward(
    application,
    checked,
    (line) => line.resourceClass.listPriceMinorPerHour,
  );
  // Billing's split: the programme pays its rate of each use until the award's share is drawn.
  const programmeMinor = Math.min(today.programmeShareMinor, preview.programmeShareMinor);
  return {
    classes: changed.map((line) => ({
      name: line.resourceClass.name,
      quotedMinor: line.listPriceMinorPerHour,
      nowMinor: line.resourceClass.listPriceMinorPerHour,
      kind: line.resourceClass.kind,
      unit: line.resourceClass.unit,
    })),
    listValueMinor: today.listValueMinor,
    tenantShareMinor: today.listValueMinor - programmeMinor,
  };
}

export const AwardDraftContext = createContext<AwardDraft | null>(null);

/** The part of the page (a `div`) whose panels show the award being entered; holds it for them. */
export function AwardDraftArea({
  application,
  className,
  children,
}: {
  application: ApplicationForAdmin;
  className?: string;
  children: ReactNode;
}) {
  const [hours, setHours] = useState(() => startingHours(application));
  const draft = useMemo(() => awardDraftOf(application, hours, setHours), [application, hours]);
  return (
    <AwardDraftContext.Provider value={draft}>
      <div className={className}>{children}</div>
    </AwardDraftContext.Provider>
  );
}

/** The award being entered, or null outside an AwardDraftArea. */
export function useAwardDraftIfAny(): AwardDraft | null {
  return useContext(AwardDraftContext);
}

/** The award being entered, for the form that enters it (inside an AwardDraftArea). */
export function useAwardDraft(): AwardDraft {
  const draft = useContext(AwardDraftContext);
  if (draft === null) throw new Error("The decision form needs an AwardDraftArea around it.");
  return draft;
}
