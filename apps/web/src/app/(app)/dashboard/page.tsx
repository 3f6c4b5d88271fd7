import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, Card, DataTable, EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { platformRolesMay } from "@tessera/core";
import { VerificationBadge } from "@/components/status-badge";
import { countryName, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: t.dashboard.title };

interface NextStep {
  key: string;
  text: string;
  href: string;
  linkLabel: string;
}

export default async function DashboardPage() {
  const user = await requireUser();
  const me = await load((api) => api.me.get());
  const reviewQueue = platformRolesMay(user.platformRoles, "organizations.review")
    ? await load((api) => api.admin.organizations.list({ status: "PENDING", limit: 100 }))
    : null;

  const steps: NextStep[] = [];
  if (reviewQueue && reviewQueue.items.length > 0) {
    steps.push({
      key: "review",
      text: t.dashboard.nextReview(reviewQueue.items.length),
      href: `${routes.adminOrganisations}?status=PENDING`,
      linkLabel: t.dashboard.goToReview,
    });
  }
  for (const { organization } of me.memberships) {
    const open = t.dashboard.open(organization.name);
    if (organization.status === "PENDING") {
      steps.push({ key: organization.id, text: t.dashboard.nextPending(organization.name), href: routes.organisation(organization.id), linkLabel: open });
    } else if (organization.status === "REJECTED") {
      steps.push({ key: organization.id, text: t.dashboard.nextRejected(organization.name), href: routes.organisation(organization.id), linkLabel: open });
    } else if (organization.status === "SUSPENDED") {
      steps.push({ key: organization.id, text: t.dashboard.nextSuspended(organization.name), href: routes.organisation(organization.id), linkLabel: open });
    }
  }

  const name = me.user.name ?? me.user.email ?? "";
  return (
    <>
      <PageHeader title={t.dashboard.greeting(name)} description={t.dashboard.lead} />

      {me.memberships.length === 0 ? (
        <EmptyState
          title={t.dashboard.noOrganisationsTitle}
          action={
            <Link href={routes.onboarding} className={buttonClassName("primary")}>
              {t.dashboard.createOrganisation}
            </Link>
          }
        >
          <p>{t.dashboard.noOrganisationsBody}</p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title={t.dashboard.nextSteps}>
            {steps.length === 0 ? (
              <p className="text-fg-muted">{t.dashboard.nothingToDo}</p>
            ) : (
              <ul className="divide-y divide-line">
                {steps.map((step) => (
                  <li key={step.key} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                    <span>{step.text}</span>
                    <Link href={step.href} className="font-semibold text-link underline">
                      {step.linkLabel}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <section aria-labelledby="organisations-heading" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="organisations-heading" className="text-xl font-semibold">
                {t.dashboard.organisations}
              </h2>
              <Link href={routes.onboarding} className={buttonClassName("secondary", "sm")}>
                {t.dashboard.createOrganisation}
              </Link>
            </div>
            <DataTable caption={t.dashboard.organisations}>
              <thead>
                <tr>
                  <Th>{t.dashboard.organisation}</Th>
                  <Th>{t.organisation.kind}</Th>
                  <Th>{t.organisation.country}</Th>
                  <Th>{t.dashboard.role}</Th>
                  <Th>{t.dashboard.status}</Th>
                </tr>
              </thead>
              <tbody>
                {me.memberships.map(({ organization, role }) => (
                  <tr key={organization.id}>
                    <Td>
                      <Link href={routes.organisation(organization.id)} className="font-semibold text-link underline">
                        {organization.name}
                      </Link>
                    </Td>
                    <Td>{t.kinds[organization.kind] ?? organization.kind}</Td>
                    <Td>{countryName(organization.country)}</Td>
                    <Td>{t.roles[role] ?? role}</Td>
                    <Td>
                      <VerificationBadge status={organization.status} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        </div>
      )}

      {me.memberships.length === 0 && steps.length > 0 ? (
        <Card title={t.dashboard.nextSteps} className="mt-6">
          <ul className="divide-y divide-line">
            {steps.map((step) => (
              <li key={step.key} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                <span>{step.text}</span>
                <Link href={step.href} className="font-semibold text-link underline">
                  {step.linkLabel}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
