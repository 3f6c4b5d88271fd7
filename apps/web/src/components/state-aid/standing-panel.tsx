import type { ReactNode } from "react";
import Link from "next/link";
import { Alert, Td, Th } from "@tessera/ui";
import { UsageBar } from "@/components/programmes/usage-bar";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { tsa } from "@/i18n";
import { stateAidRoutes } from "./paths";
import { euros, formatDay, formatDayWithZone } from "./format";
import { deMinimisWithAward } from "./with-award";
import type { DeclaredAid, UndertakingStanding } from "./types";

const s = tsa.standing;

/**
 * An undertaking's rolling three-year de minimis total against the ceiling, where an
 * administrator decides: what was awarded through Tessera, what was declared, and — before an
 * approval — what this award adds; once approved, the award as it was booked. A bar shows the
 * same figures, which are always written out beside it.
 */
export function StandingPanel({
  standing,
  awardMinor,
  awardLabel = s.thisAward,
  awardNote,
  booked,
  declared,
}: {
  standing: UndertakingStanding;
  /** This award's gross grant equivalent (the programme's share), before it is decided. */
  awardMinor?: number | null;
  /** What the award figure is: the amounts entered to grant, or the request. */
  awardLabel?: string;
  /** Said above the figures: where this award's figure comes from, or why it is missing. */
  awardNote?: string | null;
  booked?: {
    grantedOn: string;
    grossGrantEquivalentMinor: number;
    windowTotalMinor: number;
    ceilingMinor: number;
  } | null;
  /** The declaration of the application in view. */
  declared?: readonly DeclaredAid[];
}) {
  const { organization, group } = standing;
  if (!standing.undertaking) {
    return <p data-testid="state-aid-standing">{s.notUndertaking(organization.name)}</p>;
  }
  const award = booked ? null : (awardMinor ?? null);
  const withAward = deMinimisWithAward(standing, award ?? 0);
  const after = award !== null ? withAward.totalMinor : null;
  const over = withAward.overMinor;
  return (
    <div className="space-y-4" data-testid="state-aid-standing">
      <p>{s.undertaking(organization.name)}</p>
      {group ? (
        <p>
          {s.group(
            group.name,
            group.members.filter((m) => m.id !== organization.id).map((m) => m.name),
          )}
        </p>
      ) : null}
      <p className="font-semibold">
        {s.window(formatDay(standing.windowAfter), formatDay(standing.asOf), tsa.zone)}
      </p>
      {awardNote && !booked ? (
        <p className="text-sm text-fg-muted" data-testid="aid-award-note">
          {awardNote}
        </p>
      ) : null}
      <FigureList
        items={[
          {
            term: s.awarded,
            detail: <Figure testId="aid-awarded" minor={standing.awardedMinor} />,
          },
          {
            term: s.declared,
            detail: <Figure testId="aid-declared" minor={standing.declaredMinor} />,
          },
          {
            term: s.received,
            detail: <Figure testId="aid-received" minor={standing.receivedMinor} />,
          },
          ...(award !== null && after !== null
            ? [
                { term: awardLabel, detail: <Figure testId="aid-this-award" minor={award} /> },
                { term: s.afterAward, detail: <Figure testId="aid-after" minor={after} /> },
              ]
            : []),
          {
            term: s.ceiling,
            detail: <Figure testId="aid-ceiling" minor={standing.ceilingMinor} />,
          },
          {
            term: s.remaining,
            detail: <Figure testId="aid-remaining" minor={withAward.leftMinor} />,
          },
        ]}
      />
      <UsageBar
        label={
          award !== null
            ? s.bar(euros(standing.receivedMinor), euros(award), euros(standing.ceilingMinor))
            : s.barReceived(euros(standing.receivedMinor), euros(standing.ceilingMinor))
        }
        whole={standing.ceilingMinor}
        parts={[
          { value: standing.receivedMinor, tone: "accent" },
          ...(award !== null ? [{ value: award, tone: "warning" as const }] : []),
        ]}
      />
      {over > 0 ? (
        <Alert tone="warning" title={s.title}>
          <p data-testid="aid-over">{s.over(euros(over))}</p>
        </Alert>
      ) : null}
      {booked ? (
        <p data-testid="aid-booked">
          {s.booked(
            euros(booked.grossGrantEquivalentMinor),
            formatDayWithZone(booked.grantedOn),
            euros(booked.windowTotalMinor),
            euros(booked.ceilingMinor),
          )}
        </p>
      ) : null}
      {declared ? <DeclaredAidTable declared={declared} /> : null}
      <p className="text-sm">
        <Link
          href={
            group
              ? stateAidRoutes.ledgerForGroup(group.id)
              : stateAidRoutes.ledgerFor(organization.id)
          }
          className="text-link underline"
        >
          {s.ledgerLink}
        </Link>
      </p>
    </div>
  );
}

/**
 * Each label beside its amount, the amounts in one right-aligned column. An amount never wraps
 * ("€300,000.⏎00" misreads): the label wraps instead, however long it is and however narrow the
 * card.
 */
function FigureList({ items }: { items: readonly { term: string; detail: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-6 gap-y-3">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="min-w-0 break-words font-semibold text-fg-muted">{item.term}</dt>
          <dd className="text-right">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function Figure({ minor, testId }: { minor: number; testId: string }) {
  return (
    <span className="whitespace-nowrap tabular-nums" data-testid={testId}>
      {euros(minor)}
    </span>
  );
}

/**
 * The other aid an applicant declared, as a small table (or a sentence when there is none), under
 * its own heading unless the card around it has one (`title` null).
 */
export function DeclaredAidTable({
  declared,
  title = s.declaredTitle,
  emptyText = s.noneDeclared,
}: {
  declared: readonly DeclaredAid[];
  title?: string | null;
  emptyText?: string;
}) {
  return (
    <div className="space-y-2">
      {title ? <h3 className="font-semibold">{title}</h3> : null}
      {declared.length === 0 ? (
        <p className="text-fg-muted">{emptyText}</p>
      ) : (
        <ScrollTable caption={s.declaredCaption}>
          <thead>
            <tr>
              <Th>{s.grantor}</Th>
              <Th className="text-right">{s.amount}</Th>
              <Th>{s.grantedOn}</Th>
            </tr>
          </thead>
          <tbody>
            {declared.map((aid, index) => (
              <tr key={`${aid.grantor}-${aid.grantedOn}-${index}`}>
                <Td>{aid.grantor}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {euros(aid.amountMinor)}
                </Td>
                <Td className="whitespace-nowrap">{formatDay(aid.grantedOn)}</Td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
