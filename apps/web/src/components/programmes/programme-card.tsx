import Link from "next/link";
import { Alert, buttonClassName, Card, DescriptionList } from "@tessera/ui";
import { countryNames, formatDateTime, t, tp } from "@/i18n";
import { CallBadge, EligibilityBadge } from "./badges";
import { formatMoney, formatRate } from "./format";
import { programmeRoutes } from "./paths";
import type { ProgrammeForOrganisation, ProgrammeView } from "./types";

type Programme = ProgrammeView &
  Partial<Pick<ProgrammeForOrganisation, "eligibility" | "capRemainingMinor">>;

/**
 * One programme as an applicant sees it: who pays what, who may apply, the calls, and — for the
 * chosen organisation — whether it may apply and, if not, why.
 */
export function ProgrammeCard({
  programme,
  organizationId,
  canApply,
}: {
  programme: Programme;
  organizationId: string | null;
  canApply: boolean;
}) {
  const p = tp.programmes;
  const money = (minor: number) => formatMoney(minor, programme.currency);
  const open = programme.openCall;
  const next = programme.calls.find((call) => call.state === "UPCOMING");
  const eligibility = programme.eligibility;
  return (
    <Card
      title={programme.name}
      actions={eligibility ? <EligibilityBadge eligible={eligibility.eligible} /> : null}
    >
      <div className="space-y-4" data-testid={`programme-${programme.id}`}>
        <p className="text-fg-muted">
          {p.sponsor}: {programme.sponsor}
        </p>
        <p className="whitespace-pre-line">{programme.description}</p>
        <DescriptionList
          items={[
            { term: p.subsidy, detail: tp.money.rate(formatRate(programme.subsidyRateBps)) },
            { term: p.budgetLeft, detail: money(programme.remainingMinor) },
            ...(programme.capRemainingMinor !== undefined
              ? [{ term: p.yourCap, detail: money(programme.capRemainingMinor) }]
              : []),
            {
              term: p.eligibleKinds,
              detail: programme.eligibleKinds.length
                ? programme.eligibleKinds.map((kind) => t.kinds[kind] ?? kind).join(", ")
                : p.everyKind,
            },
            {
              term: p.eligibleCountries,
              detail: programme.eligibleCountries.length
                ? countryNames(programme.eligibleCountries)
                : p.anyCountry,
            },
          ]}
        />
        <div>
          <h3 className="font-semibold">{p.calls}</h3>
          <ul className="mt-1 space-y-1">
            {programme.calls
              .filter((call) => call.state !== "CLOSED")
              .map((call) => (
                <li key={call.id} className="flex flex-wrap items-center gap-2">
                  <CallBadge state={call.state} />
                  <span>
                    {call.state === "OPEN"
                      ? p.openCall(call.name, formatDateTime(call.closesAt))
                      : p.upcomingCall(call.name, formatDateTime(call.opensAt))}
                  </span>
                </li>
              ))}
          </ul>
          {!open && next ? <p className="mt-1 text-sm text-fg-muted">{p.noOpenCall}</p> : null}
        </div>
        {eligibility && !eligibility.eligible ? (
          <Alert tone="warning" title={p.whyNot}>
            <ul className="list-disc space-y-1 pl-5" data-testid="eligibility-reasons">
              {eligibility.reasons.map((reason) => (
                <li key={reason.code}>{reason.message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {organizationId && eligibility?.eligible && canApply ? (
          <Link
            href={programmeRoutes.newApplication(organizationId, programme.id)}
            className={buttonClassName()}
            aria-label={p.applyTo(programme.name)}
          >
            {p.apply}
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
