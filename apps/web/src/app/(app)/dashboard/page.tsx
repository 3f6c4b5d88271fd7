import type { Metadata } from "next";
import Link from "next/link";
import {
  Badge,
  buttonClassName,
  Card,
  DataTable,
  EmptyState,
  PageHeader,
  Td,
  Th,
} from "@tessera/ui";
import { platformRolesMay, roleMay } from "@tessera/core";
import type { VerificationStatus } from "@tessera/db";
import { VerificationBadge } from "@/components/status-badge";
import { countryName, formatDate, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: t.dashboard.title };

const PROJECTS_SHOWN = 5;
const CLASSIFICATION_TONE = {
  PUBLIC: "neutral",
  INTERNAL: "info",
  CONFIDENTIAL: "warning",
  RESTRICTED: "danger",
} as const;

interface NextStep {
  key: string;
  text: string;
  href: string;
  linkLabel: string;
}

/** What an organisation's status means for its members now, as a next step. */
function statusStep(status: VerificationStatus, name: string): string | null {
  switch (status) {
    case "PENDING":
      return t.dashboard.nextPending(name);
    case "REJECTED":
      return t.dashboard.nextRejected(name);
    case "SUSPENDED":
      return t.dashboard.nextSuspended(name);
    case "VERIFIED":
      return null;
  }
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-5 py-4">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className="mt-1 text-3xl font-bold tabular-nums">{value}</dd>
    </div>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const me = await load((api) => api.me.get());
  const reviewQueue = platformRolesMay(user.platformRoles, "organizations.review")
    ? await load((api) => api.admin.organizations.list({ status: "PENDING", limit: 100 }))
    : null;

  // A handful of organisations per person: one summary read each is fine.
  const organisations = await Promise.all(
    me.memberships.map(async ({ organization, role }) => {
      const [details, projects] = await Promise.all([
        load((api) => api.organizations.get({ organizationId: organization.id })),
        load((api) =>
          api.projects.list({ organizationId: organization.id, limit: PROJECTS_SHOWN }),
        ),
      ]);
      return {
        ...organization,
        role,
        memberCount: details.memberCount,
        projects: projects.items,
        moreProjects: projects.nextCursor !== null,
      };
    }),
  );

  const steps: NextStep[] = [];
  if (reviewQueue && reviewQueue.items.length > 0) {
    steps.push({
      key: "review",
      text: t.dashboard.nextReview(reviewQueue.items.length),
      href: `${routes.adminOrganisations}?status=PENDING`,
      linkLabel: t.dashboard.goToReview,
    });
  }
  for (const organisation of organisations) {
    const statusText = statusStep(organisation.status, organisation.name);
    if (statusText) {
      steps.push({
        key: `${organisation.id}-status`,
        text: statusText,
        href: routes.organisation(organisation.id),
        linkLabel: t.dashboard.open(organisation.name),
      });
    }
    if (organisation.projects.length === 0 && roleMay(organisation.role, "projects.create")) {
      steps.push({
        key: `${organisation.id}-project`,
        text: t.dashboard.nextFirstProject(organisation.name),
        href: routes.projects(organisation.id),
        linkLabel: t.dashboard.createProject,
      });
    }
    if (organisation.memberCount === 1 && roleMay(organisation.role, "members.invite")) {
      steps.push({
        key: `${organisation.id}-invite`,
        text: t.dashboard.nextInvite(organisation.name),
        href: routes.members(organisation.id),
        linkLabel: t.dashboard.invite,
      });
    }
  }

  const recentProjects = organisations
    .flatMap((organisation) =>
      organisation.projects.map((project) => ({ ...project, organisation })),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, PROJECTS_SHOWN);
  const projectTotal = organisations.reduce(
    (sum, organisation) => sum + organisation.projects.length,
    0,
  );
  const anyMoreProjects = organisations.some((organisation) => organisation.moreProjects);
  const name = me.user.name ?? me.user.email ?? "";

  return (
    <>
      <PageHeader title={t.dashboard.greeting(name)} description={t.dashboard.lead} />

      {organisations.length === 0 ? (
        <div className="space-y-6">
          {me.user.platformRoles.length === 0 ? (
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
            <p className="text-fg-muted">
              {t.dashboard.noOrganisationsShort}{" "}
              <Link href={routes.onboarding} className="text-link underline">
                {t.dashboard.createOrganisation}
              </Link>
            </p>
          )}
          {steps.length > 0 ? <NextSteps steps={steps} /> : null}
        </div>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="sr-only">
              {t.dashboard.summary}
            </h2>
            <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
              <Stat label={t.dashboard.statOrganisations} value={organisations.length} />
              <Stat
                label={t.dashboard.statVerified}
                value={organisations.filter((o) => o.status === "VERIFIED").length}
              />
              <Stat
                label={t.dashboard.statProjects}
                value={anyMoreProjects ? `${projectTotal}+` : projectTotal}
              />
              <Stat
                label={t.dashboard.statMembers}
                value={organisations.reduce((sum, o) => sum + o.memberCount, 0)}
              />
            </dl>
          </section>

          <div className="grid gap-8 xl:grid-cols-3">
            <div className="min-w-0 space-y-8 xl:col-span-2">
              <section aria-labelledby="organisations-heading" className="space-y-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id="organisations-heading" className="text-xl font-semibold">
                    {t.dashboard.organisations}
                  </h2>
                  <Link href={routes.onboarding} className={buttonClassName("secondary", "sm")}>
                    {t.dashboard.createOrganisation}
                  </Link>
                </div>
                <ul
                  className={organisations.length > 1 ? "grid gap-4 md:grid-cols-2" : "grid gap-4"}
                  data-testid="organisation-cards"
                >
                  {organisations.map((organisation) => (
                    <li
                      key={organisation.id}
                      className="flex flex-col rounded-lg border border-line bg-surface p-5"
                    >
                      <div className="flex items-start justify-between gap-3">
                        <h3 className="text-lg font-semibold leading-snug">
                          <Link
                            href={routes.organisation(organisation.id)}
                            className="text-link underline"
                          >
                            {organisation.name}
                          </Link>
                        </h3>
                        <VerificationBadge status={organisation.status} />
                      </div>
                      <p className="mt-1 text-sm text-fg-muted">
                        {t.kinds[organisation.kind] ?? organisation.kind} ·{" "}
                        {countryName(organisation.country)}
                      </p>
                      <p className="mt-3 text-sm">{t.dashboard.cardStatus[organisation.status]}</p>
                      <div className="mt-auto">
                        <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-1 border-t border-line pt-3 text-sm">
                          <div className="flex gap-1.5">
                            <dt className="text-fg-muted">{t.dashboard.role}:</dt>
                            <dd className="font-semibold">
                              {t.roles[organisation.role] ?? organisation.role}
                            </dd>
                          </div>
                          <div>
                            <dt className="sr-only">{t.nav.members}</dt>
                            <dd>
                              <Link
                                href={routes.members(organisation.id)}
                                className="text-link underline"
                              >
                                {t.dashboard.members(organisation.memberCount)}
                                <span className="sr-only">
                                  {t.dashboard.linkOf(organisation.name)}
                                </span>
                              </Link>
                            </dd>
                          </div>
                          <div>
                            <dt className="sr-only">{t.nav.projects}</dt>
                            <dd>
                              <Link
                                href={routes.projects(organisation.id)}
                                className="text-link underline"
                              >
                                {t.dashboard.projects(
                                  organisation.projects.length,
                                  organisation.moreProjects,
                                )}
                                <span className="sr-only">
                                  {t.dashboard.linkOf(organisation.name)}
                                </span>
                              </Link>
                            </dd>
                          </div>
                        </dl>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>

              <section aria-labelledby="projects-heading" className="space-y-3">
                <h2 id="projects-heading" className="text-xl font-semibold">
                  {t.dashboard.recentProjects}
                </h2>
                {recentProjects.length === 0 ? (
                  <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
                    {t.dashboard.noProjects}
                  </p>
                ) : (
                  <DataTable caption={t.dashboard.recentProjectsCaption}>
                    <thead>
                      <tr>
                        <Th>{t.projects.name}</Th>
                        <Th>{t.dashboard.organisation}</Th>
                        <Th>{t.projects.classification}</Th>
                        <Th>{t.projects.created}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {recentProjects.map((project) => (
                        <tr key={project.id}>
                          <Td className="font-semibold">{project.name}</Td>
                          <Td>
                            <Link
                              href={routes.projects(project.organisation.id)}
                              className="text-link underline"
                            >
                              {project.organisation.name}
                            </Link>
                          </Td>
                          <Td>
                            <Badge tone={CLASSIFICATION_TONE[project.classification]} mark={false}>
                              {t.classifications[project.classification]}
                            </Badge>
                          </Td>
                          <Td className="whitespace-nowrap">{formatDate(project.createdAt)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </DataTable>
                )}
              </section>
            </div>
            <div className="order-first min-w-0 space-y-6 xl:order-none">
              <NextSteps steps={steps} />
              {me.user.platformRoles.length > 0 ? (
                <Card title={t.dashboard.platformRoles}>
                  <ul className="space-y-1">
                    {me.user.platformRoles.map((role) => (
                      <li key={role}>{t.platformRoles[role] ?? role}</li>
                    ))}
                  </ul>
                </Card>
              ) : null}
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function NextSteps({ steps }: { steps: NextStep[] }) {
  return (
    <Card title={t.dashboard.nextSteps}>
      {steps.length === 0 ? (
        <p className="text-fg-muted">{t.dashboard.nothingToDo}</p>
      ) : (
        <ul className="space-y-4">
          {steps.map((step) => (
            <li key={step.key} className="space-y-1">
              <p>{step.text}</p>
              <Link href={step.href} className="font-semibold text-link underline">
                {step.linkLabel}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
