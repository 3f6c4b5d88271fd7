import type { Metadata } from "next";
import { Alert, Card, DescriptionList, PageHeader, Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { platformRolesMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { ReviewActions } from "@/components/forms/review-actions";
import { VerificationBadge } from "@/components/status-badge";
import { StandingPanel } from "@/components/state-aid/standing-panel";
import { StateAidFactsForm } from "@/components/state-aid/state-aid-facts-form";
import { countryName, formatDateTime, t, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisationForReview } from "@/server/organisation";
import { requireUser } from "@/server/session";
import { WebsiteLink } from "@/components/website-link";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ organizationId: string }>;
}): Promise<Metadata> {
  const result = await loadOrganisationForReview((await params).organizationId);
  return { title: result.allowed ? result.data.name : t.admin.reviewTitle };
}

export default async function AdminOrganisationPage({
  params,
}: {
  params: Promise<{ organizationId: string }>;
}) {
  const { organizationId } = await params;
  const user = await requireUser();
  const result = await loadOrganisationForReview(organizationId);
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: t.admin.reviewTitle, href: routes.adminOrganisations },
  ];
  if (!result.allowed) {
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={result.invalid}
        resetHref={routes.adminOrganisations}
      />
    );
  }
  const organisation = result.data;
  const canReview = platformRolesMay(user.platformRoles, "organizations.review");
  const canManageStateAid = platformRolesMay(user.platformRoles, "stateAid.manage");
  const [standing, groups] = await Promise.all([
    loadIfAllowed((api) => api.stateAid.standing({ organizationId })),
    canManageStateAid
      ? loadIfAllowed((api) => api.stateAid.groups({ limit: 100 }))
      : Promise.resolve(null),
  ]);
  const kindLabel = t.kinds[organisation.kind] ?? organisation.kind;

  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: organisation.name }]} />
      <PageHeader
        title={organisation.name}
        meta={<VerificationBadge status={organisation.status} />}
        description={`${kindLabel} · ${countryName(organisation.country)}`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {organisation.lookalikes.length ? (
            <Alert tone="warning" title={t.admin.lookalikesTitle}>
              <p>{t.admin.lookalikesLead(countryName(organisation.country))}</p>
              <ul className="mt-2 list-disc pl-5" data-testid="lookalikes">
                {organisation.lookalikes.map((other) => (
                  <li key={other.id}>
                    <a
                      href={routes.adminOrganisation(other.id)}
                      className="font-semibold underline [overflow-wrap:anywhere]"
                    >
                      {other.name}
                    </a>{" "}
                    (<span className="font-mono">{other.registryId}</span>,{" "}
                    {t.status.verification[other.status] ?? other.status}) —{" "}
                    {t.admin.lookalikeWhy(other.sameRegistryId, other.sameName)}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Card title={t.admin.detailsTitle}>
            <DescriptionList
              items={[
                {
                  term: t.organisation.registryId,
                  detail: <span className="font-mono">{organisation.registryId}</span>,
                },
                {
                  term: t.organisation.country,
                  detail: `${countryName(organisation.country)} (${organisation.country})`,
                },
                {
                  term: t.organisation.website,
                  detail: <WebsiteLink website={organisation.website} />,
                },
                {
                  term: t.organisation.contact,
                  detail: `${organisation.contactName} <${organisation.contactEmail}>`,
                },
                {
                  term: t.admin.createdBy,
                  detail: `${organisation.createdBy.name ?? ""} <${organisation.createdBy.email ?? ""}>`,
                },
                { term: t.admin.submitted, detail: formatDateTime(organisation.createdAt) },
                ...(organisation.reviewedAt
                  ? [{ term: t.admin.reviewedAt, detail: formatDateTime(organisation.reviewedAt) }]
                  : []),
                ...(organisation.statusReason
                  ? [{ term: t.admin.statusReason, detail: organisation.statusReason }]
                  : []),
              ]}
            />
          </Card>
          <Card title={t.admin.membersTitle}>
            <ScrollTable caption={t.admin.membersCaption}>
              <thead>
                <tr>
                  <Th>{t.members.name}</Th>
                  <Th>{t.members.email}</Th>
                  <Th>{t.members.role}</Th>
                </tr>
              </thead>
              <tbody>
                {organisation.members.map((member, index) => (
                  <tr key={`${member.user.email ?? ""}-${index}`}>
                    <Td className="font-semibold">{member.user.name}</Td>
                    <Td>{member.user.email}</Td>
                    <Td>{t.roles[member.role] ?? member.role}</Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={t.admin.decisionTitle}>
            {canReview ? (
              <ReviewActions
                organizationId={organisation.id}
                organisationName={organisation.name}
                status={organisation.status}
              />
            ) : (
              <p className="text-fg-muted">{t.admin.readOnlyRole}</p>
            )}
          </Card>
          {standing.allowed ? (
            <Card title={tsa.organisation.title}>
              <div className="space-y-4">
                <p className="text-sm text-fg-muted">{tsa.organisation.lead}</p>
                <StandingPanel standing={standing.data} />
                {groups?.allowed ? (
                  <StateAidFactsForm
                    organizationId={organisation.id}
                    kindLabel={kindLabel}
                    economicKind={
                      organisation.kind === "ACADEMIC" || organisation.kind === "PUBLIC_BODY"
                    }
                    actsEconomically={organisation.actsEconomically}
                    groupId={organisation.stateAidGroupId}
                    groups={groups.data.items}
                  />
                ) : (
                  <ul className="text-sm" data-testid="state-aid-facts">
                    <li>
                      {organisation.actsEconomically
                        ? tsa.organisation.factsActs
                        : tsa.organisation.factsNotActs}
                    </li>
                    <li>
                      {organisation.stateAidGroup
                        ? tsa.organisation.factsGroup(organisation.stateAidGroup.name)
                        : tsa.organisation.factsNoGroup}
                    </li>
                    <li className="text-fg-muted">{tsa.organisation.readOnly}</li>
                  </ul>
                )}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
