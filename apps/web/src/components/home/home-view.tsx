"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { buttonClassName, EmptyState, PageHeader } from "@tessera/ui";
import { formatDateTime, t, th } from "@/i18n";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { homeSteps, offersNewOrganisation } from "./home-steps";
import { NextSteps } from "./next-steps";
import { OperatorPanel } from "./operator-panel";
import { OrganisationPanel } from "./organisation-panel";
import { PlatformAdminPanel } from "./platform-admin-panel";
import { ProgrammeAdminPanel } from "./programme-admin-panel";
import { ReviewerPanel } from "./reviewer-panel";
import type { Home } from "./types";

/** The home page asks for news this often while the tab is visible. */
export const HOME_REFRESH_MS = 5_000;

/**
 * The home page: one part per thing the person is (a member of organisations, a programme
 * administrator, a reviewer, an operator, a platform administrator). Someone in no organisation
 * is offered one only without a platform role (offersNewOrganisation). It follows the figures
 * live: the query is asked again every few seconds while the tab is visible.
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
  const steps = homeSteps(home);
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
          ) : offersNewOrganisation(home) ? (
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
          ) : null}
        </div>
        <div className="order-first min-w-0 space-y-6 xl:order-none">
          <NextSteps steps={steps} />
        </div>
      </div>
    </>
  );
}
