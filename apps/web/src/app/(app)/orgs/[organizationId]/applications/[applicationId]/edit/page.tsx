import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Alert, Card } from "@tessera/ui";
import { isUndertaking, roleMay } from "@tessera/core";
import { Forbidden } from "@/components/forbidden";
import { PageFrame } from "@/components/page-frame";
import { ApplicationForm } from "@/components/programmes/application-form";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";
import { loadApplication, loadEditableApplication } from "@/server/programmes";
import { notFoundUnlessRowIds } from "@/server/entity-layout";

interface Props {
  params: Promise<{ organizationId: string; applicationId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organizationId, applicationId } = await params;
  notFoundUnlessRowIds({ organizationId, applicationId });
  const application = await loadApplication(organizationId, applicationId);
  return { title: tp.applications.editMetaTitle(application.title) };
}

export default async function EditApplicationPage({ params }: Props) {
  const { organizationId, applicationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  // Its layout has already redirected an application that can no longer be edited.
  const application = await loadEditableApplication(organizationId, applicationId);
  const page = (body: ReactNode) => (
    <PageFrame
      crumbs={[
        { label: t.nav.dashboard, href: routes.dashboard },
        { label: organisation.name, href: routes.organisation(organizationId) },
        { label: tp.applications.title, href: programmeRoutes.applications(organizationId) },
        {
          label: application.title,
          href: programmeRoutes.application(organizationId, applicationId),
        },
        { label: tp.applications.editTitle },
      ]}
      title={tp.applications.editTitle}
      description={tp.applications.editLead}
    >
      {body}
    </PageFrame>
  );
  if (!roleMay(organisation.role, "applications.write")) return page(<Forbidden />);
  const [projects, programme, classes] = await Promise.all([
    load((api) => api.projects.list({ organizationId, limit: 100 })),
    load((api) => api.programmes.get({ organizationId, programmeId: application.programme.id })),
    load((api) => api.catalogue.resourceClasses.list({ limit: 100, includeInactive: true })),
  ]);

  return page(
    <>
      {application.status === "CHANGES_REQUESTED" && application.decisionNote ? (
        <Alert
          tone="warning"
          title={tp.applications.detail.decisionNote.CHANGES_REQUESTED}
          className="mb-6"
        >
          <p className="whitespace-pre-line">{application.decisionNote}</p>
        </Alert>
      ) : null}
      <Card>
        <ApplicationForm
          organizationId={organizationId}
          projects={projects.items.map((p) => ({
            id: p.id,
            name: p.name,
            classification: p.classification,
          }))}
          programmes={[programme]}
          resourceClasses={classes.items}
          initial={application}
          undertaking={isUndertaking(organisation)}
        />
      </Card>
    </>,
  );
}
