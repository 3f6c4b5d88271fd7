import type { Metadata } from "next";
import { Card, DescriptionList, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { ReviewBadge } from "@/components/programmes/badges";
import { formatRate } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { QuoteTable } from "@/components/programmes/quote-table";
import { ReviewForm } from "@/components/programmes/review-form";
import { countryName, formatDate, formatDateTime, t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";

export const metadata: Metadata = { title: tp.reviews.title };

export default async function ReviewPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const result = await loadIfAllowed((api) => api.reviews.get({ reviewId }));
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: tp.reviews.title, href: programmeRoutes.reviews },
  ];
  if (!result.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <Forbidden invalid={result.invalid} />
      </>
    );
  }
  const review = result.data;
  const application = review.application;
  const d = tp.applications.detail;

  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: application.title }]} />
      <PageHeader
        title={application.title}
        meta={<ReviewBadge state={review.state} />}
        description={tp.reviews.detailLead(
          application.organization.name,
          application.programme.name,
        )}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title={tp.reviews.applicationTitle}>
            <DescriptionList
              items={[
                {
                  term: d.organisation,
                  detail: `${application.organization.name} · ${t.kinds[application.organization.kind] ?? application.organization.kind} · ${countryName(application.organization.country)}`,
                },
                { term: d.programme, detail: application.programme.name },
                { term: d.call, detail: application.call.name },
                { term: d.project, detail: application.project.name },
                {
                  term: d.period,
                  detail: `${formatDate(application.periodStart)} – ${formatDate(application.periodEnd)}`,
                },
                {
                  term: d.classification,
                  detail:
                    t.classifications[application.dataClassification] ??
                    application.dataClassification,
                },
                ...(application.submittedAt
                  ? [{ term: d.firstSubmitted, detail: formatDateTime(application.submittedAt) }]
                  : []),
              ]}
            />
          </Card>
          <Card title={d.lines}>
            <p className="mb-3 text-sm text-fg-muted">
              {tp.money.rate(formatRate(application.programme.subsidyRateBps))}
            </p>
            <QuoteTable
              caption={d.linesCaption}
              currency={application.currency}
              lines={application.lines}
              totals={application.requested}
            />
          </Card>
          <Card title={d.abstract}>
            <p className="whitespace-pre-line">{application.abstract}</p>
          </Card>
          <Card title={d.justification}>
            <p className="whitespace-pre-line">{application.justification}</p>
          </Card>
        </div>
        <div className="min-w-0">
          <Card title={tp.reviews.yourReview}>
            <ReviewForm review={review} />
          </Card>
        </div>
      </div>
    </>
  );
}
