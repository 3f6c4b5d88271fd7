"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { buttonClassName, EmptyState, PageHeader } from "@tessera/ui";
import { programmeRoutes } from "@/components/programmes/paths";
import { formatDateTime, t, th } from "@/i18n";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { NextSteps, type HomeStep } from "./next-steps";
import { OperatorPanel } from "./operator-panel";
import { OrganisationPanel } from "./organisation-panel";
import { PlatformAdminPanel } from "./platform-admin-panel";
import { ProgrammeAdminPanel } from "./programme-admin-panel";
import { ReviewerPanel } from "./reviewer-panel";
import type { Home, OrganisationHome } from "./types";

/** The home page asks for news this often while the tab is visible. */
export const HOME_REFRESH_MS = 5_000;

function organisationStepLink(home: OrganisationHome, step: OrganisationHome["nextSteps"][number]) {
  const id = home.organization.id;
  switch (step) {
    case "AWAIT_VERIFICATION":
    case "SUSPENDED":
      return routes.organisation(id);
    case "FIX_DETAILS":
      return routes.settings(id);
    case "CREATE_PROJECT":
      return routes.projects(id);
    case "APPLY":
      return programmeRoutes.programmesFor(id);
    case "SUBMIT_JOB":
      return routes.newJob(id);
    case "CREATE_API_KEY":
      return routes.apiKeys(id);
    case "FIX_SHARED_ENDPOINT":
      return routes.endpoints(id);
    case "INVITE":
      return routes.members(id);
  }
}

function stepsOf(home: Home): HomeStep[] {
  const s = th.home.step;
  const l = th.home.stepLink;
  const steps: HomeStep[] = [];
  if (home.platformAdmin && !home.platformAdmin.auditChain.ok) {
    steps.push({
      key: "chain",
      text: s.brokenChain,
      href: routes.adminAudit,
      linkLabel: l.brokenChain,
    });
  }
  if (home.platformAdmin && home.platformAdmin.verificationQueue.total > 0) {
    steps.push({
      key: "verification",
      text: s.verification(home.platformAdmin.verificationQueue.total),
      href: `${routes.adminOrganisations}?status=PENDING`,
      linkLabel: l.verification,
    });
  }
  if (home.programmeAdmin && home.programmeAdmin.awaitingDecision.total > 0) {
    steps.push({
      key: "decisions",
      text: s.decisions(home.programmeAdmin.awaitingDecision.total),
      href: programmeRoutes.adminProgrammes,
      linkLabel: l.decisions,
    });
  }
  if (home.reviewer && home.reviewer.waiting.length > 0) {
    steps.push({
      key: "reviews",
      text: s.reviews(home.reviewer.waiting.length),
      href: programmeRoutes.reviews,
      linkLabel: l.reviews,
    });
  }
  if (home.operator && home.operator.operations.unresolvedDeadLetters > 0) {
    steps.push({
      key: "dead-letters",
      text: s.deadLetters(home.operator.operations.unresolvedDeadLetters),
      href: routes.operations,
      linkLabel: l.deadLetters,
    });
  }
  for (const organisation of home.organizations) {
    for (const step of organisation.nextSteps) {
      steps.push({
        key: `${organisation.organization.id}-${step}`,
        text: s[step](organisation.organization.name),
        href: organisationStepLink(organisation, step),
        linkLabel: l[step],
        ...(step === "SUBMIT_JOB"
          ? {
              also: {
                href: routes.newEndpoint(organisation.organization.id),
                label: l.deployEndpoint,
              },
            }
          : {}),
      });
    }
  }
  return steps;
}

/**
 * The home page: one part per thing the person is (a member of organisations, a programme
 * administrator, a reviewer, an operator, a platform administrator). It follows the figures live:
 * the query is asked again every few seconds while the tab is visible.
 */
export function HomeView({ initial }: { initial: Home }) {
  const trpc = useTRPC();
  const { data: home } = useQuery(
    trpc.home.get.queryOptions(undefined, {
      initialData: initial,
      refetchInterval: HOME_REFRESH_MS,
      refetchIntervalInBackground: false,
    }),
  );
  const now = new Date(home.at).getTime();
  const name = home.user.name ?? home.user.email ?? "";
  const steps = stepsOf(home);
  const hasPlatformRole = home.user.platformRoles.length > 0;
  const roleParts = (
    <>
      {home.platformAdmin ? <PlatformAdminPanel home={home.platformAdmin} /> : null}
      {home.programmeAdmin ? <ProgrammeAdminPanel home={home.programmeAdmin} /> : null}
      {home.reviewer ? <ReviewerPanel home={home.reviewer} /> : null}
      {home.operator ? <OperatorPanel home={home.operator} /> : null}
    </>
  );

  return (
    <>
      <PageHeader title={t.dashboard.greeting(name)} description={th.home.lead} />
      <p className="-mt-4 mb-6 text-sm text-fg-muted">
        {th.home.live}{" "}
        <span data-testid="home-updated">
          {th.home.updatedAt(formatDateTime(new Date(home.at)))}
        </span>
      </p>
      <div className="grid gap-8 xl:grid-cols-3">
        <div className="min-w-0 space-y-10 xl:col-span-2">
          {roleParts}
          {home.organizations.length > 0 ? (
            <section aria-labelledby="organisations-heading" className="space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="organisations-heading" className="text-xl font-semibold">
                  {th.home.organisation.heading}
                </h2>
                <Link href={routes.onboarding} className={buttonClassName("secondary", "sm")}>
                  {t.dashboard.createOrganisation}
                </Link>
              </div>
              <ul className="grid gap-4" data-testid="organisation-cards">
                {home.organizations.map((organisation) => (
                  <OrganisationPanel
                    key={organisation.organization.id}
                    home={organisation}
                    now={now}
                  />
                ))}
              </ul>
            </section>
          ) : hasPlatformRole ? (
            <p className="text-sm text-fg-muted">
              {t.dashboard.noOrganisationsShort}{" "}
              <Link href={routes.onboarding} className="text-link underline">
                {t.dashboard.createOrganisation}
              </Link>
            </p>
          ) : (
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
          )}
        </div>
        <div className="order-first min-w-0 space-y-6 xl:order-none">
          <NextSteps steps={steps} />
        </div>
      </div>
    </>
  );
}
