import { formatPricedUnits } from "@tessera/core/words";
import { formatDate, formatDateTime, tp } from "@/i18n";
import { decisionMade } from "./decision-made";
import { formatMoney } from "./format";
import type { ApplicationForAdmin } from "./types";

/**
 * The decision section of an application that is no longer open: the outcome, who made it and
 * when, then what was granted (approved) or the reason the applicant was given (rejected) —
 * in place of the instructions for deciding.
 */
export function DecisionRecord({ application }: { application: ApplicationForAdmin }) {
  const made = decisionMade(application);
  if (made === null) return null;
  const r = tp.decision;
  const money = (minor: number) => formatMoney(minor, application.currency);
  const { granted, allocation, decisionNote } = application;
  return (
    <div className="space-y-3" data-testid="decision-record">
      <p className="font-semibold" data-testid="decision-outcome">
        {r.decidedOnBy(
          r.outcome[made.status] ?? made.status,
          formatDateTime(made.at),
          made.by ?? tp.applications.detail.system,
        )}
      </p>
      {made.status === "WITHDRAWN" ? <p>{r.withdrawnNoDecision}</p> : null}
      {made.status === "APPROVED" ? (
        <>
          <ul className="list-disc space-y-1 pl-5" aria-label={r.grantedCaption}>
            {application.lines.map((line) => (
              <li key={line.resourceClassId}>
                <span className="font-semibold">{line.resourceClass.name}</span>:{" "}
                {r.grantedOf(
                  formatPricedUnits(line.grantedUnitHours ?? 0, line.resourceClass),
                  formatPricedUnits(line.unitHours, line.resourceClass),
                )}
              </li>
            ))}
          </ul>
          {granted ? (
            <p data-testid="decision-granted">
              {r.awardTotals(
                money(granted.listValueMinor),
                money(granted.programmeShareMinor),
                money(granted.tenantShareMinor),
              )}
            </p>
          ) : null}
          {allocation ? (
            <p>
              {r.allocationValid(formatDate(allocation.validFrom), formatDate(allocation.validTo))}
            </p>
          ) : null}
        </>
      ) : null}
      {made.status !== "WITHDRAWN" ? (
        decisionNote ? (
          <div>
            <p className="font-semibold">
              {made.status === "REJECTED" ? r.rejectionReason : r.approvalNote}
            </p>
            <p className="whitespace-pre-line [overflow-wrap:anywhere]" data-testid="decision-note">
              {decisionNote}
            </p>
          </div>
        ) : (
          <p className="text-fg-muted">{r.noNote}</p>
        )
      ) : null}
    </div>
  );
}
