import { Card } from "@tessera/ui";
import { tp } from "@/i18n";
import { formatRate } from "./format";
import { QuoteTable } from "./quote-table";
import type { ComponentProps } from "react";

type Quote = ComponentProps<typeof QuoteTable>;

/** What the applicant's, the reviewer's and the administrator's pages all show of an application. */
interface ApplicationContent {
  currency: string;
  lines: Quote["lines"];
  requested: Quote["totals"];
  abstract: string;
  justification: string;
}

const d = tp.applications.detail;

/** The requested lines with the programme's rate; granted amounts once approved. */
export function ApplicationLinesCard({
  application,
  subsidyRateBps,
  showGranted = false,
  testId,
}: {
  application: ApplicationContent;
  subsidyRateBps: number;
  showGranted?: boolean;
  testId?: string;
}) {
  return (
    <Card title={d.lines}>
      <p className="mb-3 text-sm text-fg-muted">{tp.money.rate(formatRate(subsidyRateBps))}</p>
      <QuoteTable
        caption={d.linesCaption}
        currency={application.currency}
        lines={application.lines}
        totals={application.requested}
        showGranted={showGranted}
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
        <p className="whitespace-pre-line">{application.abstract}</p>
      </Card>
      <Card title={d.justification}>
        <p className="whitespace-pre-line">{application.justification}</p>
      </Card>
    </>
  );
}
