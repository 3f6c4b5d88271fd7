import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, DescriptionList, PageHeader } from "@tessera/ui";
import { isUndertaking, roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ApplicantActions } from "@/components/programmes/applicant-actions";
import {
  ApplicationLinesCard,
  ApplicationTextCards,
} from "@/components/programmes/application-cards";
import { ApplicationBadge } from "@/components/programmes/badges";
import { formatMoney } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { ApplicationTimeline } from "@/components/programmes/timeline";
import { DeclaredAidTable } from "@/components/state-aid/standing-panel";
import { formatDate, formatDateTime, t, tp, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadOrganisation } from "@/server/organisation";
import { loadApplication } from "@/server/programmes";
import { notFoundUnlessRowIds } from "@/server/entity-layout";

interface Props {
  params: Promise<{ organizationId: string; applicationId: string }>;
}

/** Titled by the application, as its heading is: the list's title would name every one alike. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organizationId, applicationId } = await params;
  notFoundUnlessRowIds({ organizationId, applicationId });
  return { title: (await loadApplication(organizationId, applicationId)).title };
}

export default async function ApplicationPage({ params }: Props) {
  const { organizationId, applicationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const application = await loadApplication(organizationId, applicationId);
  const d = tp.applications.detail;
  const money = (minor: number) => formatMoney(minor, application.currency);
  const canWrite = roleMay(organisation.role, "applications.write");
  const noteTitle = d.decisionNote[application.status];

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: tp.applications.title, href: programmeRoutes.applications(organizationId) },
          { label: application.title },
        ]}
      />
      <PageHeader
        title={application.title}
        meta={<ApplicationBadge status={application.status} />}
        description={`${application.programme.name} · ${application.call.name}`}
      />
      <div className="space-y-6">
        {application.decisionNote && noteTitle ? (
          <Alert
            tone={
              application.status === "REJECTED"
                ? "danger"
                : application.status === "APPROVED"
                  ? "success"
                  : "warning"
            }
            title={noteTitle}
          >
            <p className="whitespace-pre-line" data-testid="decision-note">
              {application.decisionNote}
            </p>
            {application.status === "CHANGES_REQUESTED" ? (
              <p className="mt-2">{d.changesHint}</p>
            ) : null}
          </Alert>
        ) : null}
        {application.granted && application.allocation ? (
          <Alert tone="success" title={d.allocation}>
            <p>
              {d.grantedTotals(
                money(application.granted.listValueMinor),
                money(application.granted.programmeShareMinor),
                money(application.granted.tenantShareMinor),
              )}
            </p>
            <p>
              {d.allocationValid(
                formatDate(application.allocation.validFrom),
                formatDate(application.allocation.validTo),
              )}
            </p>
            <p className="mt-2">
              <Link
                href={programmeRoutes.allocations(organizationId)}
                className="font-semibold underline"
              >
                {d.viewAllocation}
              </Link>
            </p>
          </Alert>
        ) : null}
        {/* Full width, so that every money column shows beside the others on a laptop. */}
        <ApplicationLinesCard
          application={application}
          subsidyRateBps={application.subsidyRateBps}
          testId="application-lines"
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card title={d.summary}>
              <DescriptionList
                items={[
                  {
                    term: d.programme,
                    detail: `${application.programme.name} (${application.programme.sponsor})`,
                  },
                  {
                    term: d.call,
                    detail: `${application.call.name} · ${tp.status.call[application.call.state]} · ${formatDateTime(application.call.closesAt)}`,
                  },
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
                  { term: d.createdBy, detail: application.createdBy.name ?? "" },
                  ...(application.submittedAt
                    ? [
                        {
                          term: d.firstSubmitted,
                          detail: `${formatDateTime(application.submittedAt)}${application.submittedBy?.name ? ` · ${application.submittedBy.name}` : ""}`,
                        },
                      ]
                    : []),
                  ...(application.decidedAt
                    ? [{ term: d.decided, detail: formatDateTime(application.decidedAt) }]
                    : []),
                ]}
              />
            </Card>
            <ApplicationTextCards application={application} />
            {isUndertaking(organisation) || application.otherDeMinimisAid.length > 0 ? (
              <Card title={tsa.declaration.summaryTitle}>
                <DeclaredAidTable
                  declared={application.otherDeMinimisAid}
                  title={null}
                  emptyText={tsa.declaration.summaryNone}
                />
              </Card>
            ) : null}
          </div>
          <div className="min-w-0 space-y-6">
            <Card title={d.actions}>
              {canWrite ? (
                <ApplicantActions application={application} />
              ) : (
                <p className="text-fg-muted">{d.readOnly}</p>
              )}
            </Card>
            <Card title={d.timeline}>
              <ApplicationTimeline events={application.events} />
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}
