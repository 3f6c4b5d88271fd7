import type { Metadata } from "next";
import { Alert, Card, DescriptionList, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { SettingsForm } from "@/components/forms/settings-form";
import { OrganisationStatusBanner } from "@/components/organisation-status";
import { VerificationBadge } from "@/components/status-badge";
import { countryName, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadOrganisation } from "@/server/organisation";

interface Props {
  params: Promise<{ organizationId: string }>;
}

export const metadata: Metadata = { title: t.settings.title };

export default async function SettingsPage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const canManage = roleMay(organisation.role, "organization.update");
  const rejected = organisation.status === "REJECTED";

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: t.settings.title },
        ]}
      />
      <PageHeader
        title={t.settings.title}
        description={t.settings.lead}
        meta={<VerificationBadge status={organisation.status} />}
      />
      {canManage ? (
        <div className="space-y-6">
          {rejected ? (
            <>
              <OrganisationStatusBanner
                organizationId={organizationId}
                status={organisation.status}
                reason={organisation.statusReason}
                canManage={false}
              />
              <Alert tone="info" title={t.settings.resubmitNote} />
            </>
          ) : null}
          <Card title={t.organisation.details}>
            <div className="mb-5">
              <DescriptionList
                items={[
                  {
                    term: t.organisation.kind,
                    detail: t.kinds[organisation.kind] ?? organisation.kind,
                  },
                  { term: t.organisation.country, detail: countryName(organisation.country) },
                ]}
              />
              <p className="mt-2 text-sm text-fg-muted">{t.settings.readOnlyFields}</p>
            </div>
            <SettingsForm
              organizationId={organizationId}
              rejected={rejected}
              details={{
                name: organisation.name,
                registryId: organisation.registryId,
                website: organisation.website,
                contactName: organisation.contactName,
                contactEmail: organisation.contactEmail,
              }}
            />
          </Card>
        </div>
      ) : (
        <Forbidden />
      )}
    </>
  );
}
