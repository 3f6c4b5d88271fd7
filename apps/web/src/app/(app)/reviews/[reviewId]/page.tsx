import type { Metadata } from "next";
import { Card, DescriptionList, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { ReviewBadge } from "@/components/programmes/badges";
import { programmeRoutes } from "@/components/programmes/paths";
import {
  ApplicationLinesCard,
  ApplicationTextCards,
} from "@/components/programmes/application-cards";
import { ReviewForm } from "@/components/programmes/review-form";
import { countryName, formatDate, formatDateTime, t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadReview } from "@/server/programmes";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ reviewId: string }>;
}): Promise<Metadata> {
  const result = await loadReview((await params).reviewId);
  return { title: result.allowed ? result.data.application.title : tp.reviews.title };
}

export default async function ReviewPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const result = await loadReview(reviewId);
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: tp.reviews.title, href: programmeRoutes.reviews },
  ];
  if (!result.allowed) {
    return <ForbiddenPage crumbs={crumbs} invalid={result.invalid} />;
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
      {/* Full width, so that every money column shows beside the others on a laptop. */}
      <ApplicationLinesCard
        application={application}
        subsidyRateBps={application.subsidyRateBps}
        className="mb-6"
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
          <ApplicationTextCards application={application} />
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
