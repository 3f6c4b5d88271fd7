import type { Metadata } from "next";
import { Alert, Card, DescriptionList, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { VerificationBadge } from "@/components/status-badge";
import { ApplicationBadge, EligibilityBadge } from "@/components/programmes/badges";
import {
  ApplicationLinesCard,
  ApplicationTextCards,
} from "@/components/programmes/application-cards";
import { AwardDraftArea } from "@/components/programmes/award-draft";
import { decisionMade } from "@/components/programmes/decision-made";
import { DecisionPanel } from "@/components/programmes/decision-panel";
import { DecisionRecord } from "@/components/programmes/decision-record";
import { formatMoney } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { ReviewerAssignment } from "@/components/programmes/reviewer-assignment";
import { ReviewsSideBySide } from "@/components/programmes/reviews-side-by-side";
import { ApplicationTimeline } from "@/components/programmes/timeline";
import { ApplicationStandingPanel } from "@/components/state-aid/application-standing-panel";
import { countryName, formatDate, formatDateTime, t, tp, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { loadAdminApplication } from "@/server/programmes";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { programmeId, applicationId } = await params;
  const result = await loadAdminApplication(programmeId, applicationId);
  return { title: result.allowed ? result.data.title : tp.admin.title };
}

interface Props {
  params: Promise<{ programmeId: string; applicationId: string }>;
}

export default async function AdminApplicationPage({ params }: Props) {
  const { programmeId, applicationId } = await params;
  const result = await loadAdminApplication(programmeId, applicationId);
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: tp.admin.title, href: programmeRoutes.adminProgrammes },
  ];
  if (!result.allowed) {
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={result.invalid}
        resetHref={programmeRoutes.adminProgrammes}
      />
    );
  }
  const application = result.data;
  const reviewers = await loadIfAllowed((api) => api.reviews.admin.reviewers({ limit: 100 }));
  const assignedIds = new Set(application.reviews.map((review) => review.reviewer.id));
  const available = reviewers.allowed
    ? reviewers.data.items.filter((reviewer) => !assignedIds.has(reviewer.id))
    : [];
  const d = tp.applications.detail;
  const r = tp.decision;
  const money = (minor: number) => formatMoney(minor, application.currency);
  const { standing, budget, organizationLimit: limit } = application;
  const decided = decisionMade(application) !== null;

  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          { label: application.programme.name, href: programmeRoutes.adminProgramme(programmeId) },
          { label: application.title },
        ]}
      />
      <PageHeader
        title={application.title}
        meta={<ApplicationBadge status={application.status} />}
        description={`${application.organization.name} · ${application.call.name}`}
      />
      {/* Full width, so that every money column shows beside the others on a laptop. */}
      <ApplicationLinesCard
        application={application}
        subsidyRateBps={application.subsidyRateBps}
        className="mb-6"
      />
      {/* The award being entered to grant, shared by the state-aid panel and the decision form;
          fresh fields when the request changes. Not keyed on the status: the decision panel's
          notices ("Application approved.") must outlive the refresh that follows a decision. */}
      <AwardDraftArea
        key={application.lines.map((line) => `${line.resourceClassId}=${line.unitHours}`).join(",")}
        application={application}
        className="grid gap-6 lg:grid-cols-3"
      >
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card
            title={r.organisation}
            actions={
              <EligibilityBadge
                eligible={standing.eligibility.eligible}
                overLimit={limit !== null && !limit.fits}
              />
            }
          >
            <div className="space-y-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{application.organization.name}</span>
                <VerificationBadge
                  status={
                    application.organization.status as
                      "PENDING" | "VERIFIED" | "REJECTED" | "SUSPENDED"
                  }
                />
              </p>
              <p className="text-fg-muted">
                {t.kinds[application.organization.kind] ?? application.organization.kind} ·{" "}
                {countryName(application.organization.country)}
              </p>
              {standing.eligibility.eligible ? (
                <p>{r.eligible}</p>
              ) : (
                <Alert tone="warning" title={tp.status.notEligible}>
                  <ul className="list-disc pl-5">
                    {standing.eligibility.reasons.map((reason) => (
                      <li key={reason.code}>{reason.message}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {limit && !limit.fits ? (
                <Alert tone="warning" title={r.overLimitTitle}>
                  <p data-testid="over-limit">
                    {limit.remainingMinor > 0
                      ? r.overLimit(
                          money(limit.requestedMinor),
                          money(limit.remainingMinor),
                          money(limit.overByMinor),
                        )
                      : r.limitReached(money(limit.requestedMinor))}
                  </p>
                </Alert>
              ) : null}
              <p data-testid="organisation-limit">
                {r.organisationAwarded(
                  money(standing.organizationAwardedMinor),
                  money(standing.capMinor),
                  money(standing.capRemainingMinor),
                )}
              </p>
              <p>{r.budgetLeft(money(budget.remainingMinor), money(budget.budgetMinor))}</p>
            </div>
          </Card>
          <Card title={tsa.standing.title}>
            <ApplicationStandingPanel application={application} />
          </Card>
          <Card title={r.reviews}>
            <ReviewsSideBySide application={application} />
          </Card>
          <Card title={r.decide}>
            {/* One panel in one place whether open or decided, so that its "approved" notice
                outlives the refresh that turns the form into the record of the decision. */}
            {decided ? null : <p className="mb-4 text-sm text-fg-muted">{r.decideLead}</p>}
            {!decided && application.decisionNote && application.decidedAt ? (
              <Alert
                tone="info"
                title={d.decisionNote[application.status] ?? d.decided}
                className="mb-4"
              >
                <p className="whitespace-pre-line [overflow-wrap:anywhere]">
                  {application.decisionNote}
                </p>
              </Alert>
            ) : null}
            <DecisionPanel application={application}>
              {decided ? <DecisionRecord application={application} /> : null}
            </DecisionPanel>
          </Card>
          <ApplicationTextCards application={application} />
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={r.reviewers}>
            <p className="mb-3 text-sm text-fg-muted">{r.reviewersLead}</p>
            <ReviewerAssignment
              applicationId={application.id}
              canAssign={application.actions.assignReviewers}
              status={application.status}
              assigned={application.reviews.map((review) => ({
                reviewId: review.id,
                name: review.reviewer.name ?? review.reviewer.email ?? "",
                email: review.reviewer.email ?? "",
              }))}
              available={available}
            />
          </Card>
          <Card title={d.summary}>
            <DescriptionList
              items={[
                {
                  term: d.project,
                  detail: `${application.project.name} (${t.classifications[application.project.classification] ?? ""})`,
                },
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
          <Card title={d.timeline}>
            <ApplicationTimeline events={application.events} />
          </Card>
        </div>
      </AwardDraftArea>
    </>
  );
}
