import { Card } from "@tessera/ui";
import type { ResourceKind } from "@tessera/db";
import { tp } from "@/i18n";
import { formatMoney, formatRate } from "./format";
import { AwardTable, type AwardPricingView } from "./award-table";

/** What the applicant's, the reviewer's and the administrator's pages all show of an application. */
interface ApplicationContent {
  currency: string;
  lines: readonly {
    resourceClass: { id: string; code: string; name: string; kind: ResourceKind; unit: string };
  }[];
  pricing: AwardPricingView;
  abstract: string;
  justification: string;
}

const d = tp.applications.detail;

/**
 * The totals in one line above the table, so that a phone shows them without scrolling the table
 * sideways (its Total row's amounts are off to the side there), as Allocations does.
 */
function ValueSummary({ pricing, currency }: { pricing: AwardPricingView; currency: string }) {
  const money = (minor: number) => formatMoney(minor, currency);
  const lines = [
    tp.money.requestedValue(
      money(pricing.requested.listValueMinor),
      money(pricing.requested.programmeShareMinor),
      money(pricing.requested.tenantShareMinor),
    ),
  ];
  if (pricing.granted) {
    lines.push(
      tp.money.grantedValue(
        money(pricing.granted.listValueMinor),
        money(pricing.granted.programmeShareMinor),
        money(pricing.granted.tenantShareMinor),
      ),
    );
  }
  return (
    <div className="mb-3 text-sm" data-testid="application-value">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/**
 * The requested lines with the programme's rate and, once approved, the granted amounts beside
 * them — the same table on the applicant's, the reviewer's and the administrator's page.
 */
export function ApplicationLinesCard({
  application,
  subsidyRateBps,
  testId,
  className,
}: {
  application: ApplicationContent;
  subsidyRateBps: number;
  testId?: string;
  className?: string;
}) {
  return (
    <Card title={application.pricing.granted ? d.linesGranted : d.lines} className={className}>
      <p className="text-sm text-fg-muted">{tp.money.rate(formatRate(subsidyRateBps))}</p>
      <ValueSummary pricing={application.pricing} currency={application.currency} />
      <AwardTable
        pricing={application.pricing}
        classes={application.lines.map((line) => line.resourceClass)}
        currency={application.currency}
        testId={testId}
      />
    </Card>
  );
}

/** The application's own words: abstract and justification. */
export function ApplicationTextCards({ application }: { application: ApplicationContent }) {
  return (
    <>
      <Card title={d.abstract}>
        <p className="whitespace-pre-line [overflow-wrap:anywhere]">{application.abstract}</p>
      </Card>
      <Card title={d.justification}>
        <p className="whitespace-pre-line [overflow-wrap:anywhere]">{application.justification}</p>
      </Card>
    </>
  );
}
