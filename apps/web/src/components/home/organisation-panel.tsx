import Link from "next/link";
import type { ReactNode } from "react";
import { UsageBar } from "@/components/programmes/usage-bar";
import { programmeRoutes } from "@/components/programmes/paths";
import { VerificationBadge } from "@/components/status-badge";
import { EndpointBadge, EndpointReasonWords } from "@/components/endpoints/badges";
import { ReasonWords, WorkloadBadge } from "@/components/workloads/badges";
import { countsTokens, formatMeteredQuantity } from "@tessera/core/words";
import { formatDate, t, th } from "@/i18n";
import { routes } from "@/lib/paths";
import { mayRunEndpoints } from "./home-steps";
import { Stat } from "./stat";
import type { OrganisationHome } from "./types";

const DAY_MS = 86_400_000;

function QuotaLines({ home, now }: { home: OrganisationHome; now: number }) {
  const o = th.home.organisation;
  const lines = home.allocations.flatMap((allocation) =>
    allocation.lines.map((line) => ({ allocation, line })),
  );
  if (lines.length === 0) return <p className="text-fg-muted">{o.noQuota}</p>;
  return (
    <ul className="space-y-4" data-testid="quota-lines">
      {lines.map(({ allocation, line }) => {
        // Hours of compute as the invoice prices them (to the thousandth), or tokens of a shared
        // model's tier: what was used reads as it is billed.
        const quota = (amount: number) => formatMeteredQuantity(amount, line.resourceClass);
        const left = quota(line.remainingUnitSeconds);
        const granted = quota(line.grantedUnitSeconds);
        const label = o.lineLabel(line.resourceClass.name, left, granted);
        const daysLeft = Math.ceil((new Date(allocation.validTo).getTime() - now) / DAY_MS);
        const when =
          allocation.state === "UPCOMING"
            ? o.starts(formatDate(allocation.validFrom))
            : allocation.expiresSoon
              ? o.endsSoon(Math.max(daysLeft, 1))
              : o.ends(formatDate(allocation.validTo));
        return (
          <li key={line.id} className="space-y-1" data-testid="quota-line">
            <p className="flex flex-wrap justify-between gap-x-3 text-sm">
              <span className="font-semibold">{label}</span>
              <span
                className={
                  allocation.expiresSoon ? "font-semibold text-warning-fg" : "text-fg-muted"
                }
              >
                {when}
              </span>
            </p>
            <UsageBar
              label={label}
              whole={line.grantedUnitSeconds}
              parts={[
                { value: line.consumedUnitSeconds, tone: "accent" },
                { value: line.heldUnitSeconds, tone: "warning" },
              ]}
            />
            <p className="text-xs text-fg-muted">
              {countsTokens(line.resourceClass.kind)
                ? o.tokensLineDetail(
                    quota(line.consumedUnitSeconds),
                    line.heldUnitSeconds > 0 ? quota(line.heldUnitSeconds) : null,
                  )
                : o.lineDetail(quota(line.consumedUnitSeconds), quota(line.heldUnitSeconds), {
                    jobs: line.heldByJobsUnitSeconds > 0 ? quota(line.heldByJobsUnitSeconds) : null,
                    endpoints:
                      line.heldByEndpointsUnitSeconds > 0
                        ? quota(line.heldByEndpointsUnitSeconds)
                        : null,
                  })}{" "}
              · {o.fromAward(allocation.application.title, allocation.programme.name)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** A part of an organisation's panel, headed by a link to its page ("Quota of Northbridge…"). */
function PartOf({
  title,
  href,
  of,
  children,
}: {
  title: string;
  href: string;
  of: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={`${title}${t.dashboard.linkOf(of)}`} className="space-y-2">
      <h4 className="font-semibold">
        <Link href={href} className="text-link underline">
          {title}
          <span className="sr-only">{t.dashboard.linkOf(of)}</span>
        </Link>
      </h4>
      {children}
    </section>
  );
}

/** The organisation's inference endpoints: how many serve, sleep or start, and any in trouble. */
function EndpointsPart({ home }: { home: OrganisationHome }) {
  const o = th.home.organisation;
  const id = home.organization.id;
  const { serving, scaledToZero, starting, troubled } = home.endpoints;
  const none = serving + scaledToZero + starting + troubled.length === 0;
  return (
    <PartOf title={o.endpoints} href={routes.endpoints(id)} of={home.organization.name}>
      {none ? (
        mayRunEndpoints(home) ? (
          <p className="text-sm text-fg-muted" data-testid="endpoints-none">
            {o.noEndpoints}{" "}
            <Link href={routes.newEndpoint(id)} className="text-link underline">
              {o.deployEndpoint}
            </Link>
          </p>
        ) : (
          // No allocation an endpoint could run on: the deploy form could not be used.
          <p className="text-sm text-fg-muted" data-testid="endpoints-none">
            {o.noEndpoints} {o.noEndpointQuota}{" "}
            <Link href={programmeRoutes.programmesFor(id)} className="text-link underline">
              {o.applyForEndpoints}
            </Link>
          </p>
        )
      ) : (
        <>
          <dl className="grid grid-cols-3 gap-3">
            <Stat label={o.serving} value={serving} testId="endpoints-serving" />
            <Stat label={o.scaledToZero} value={scaledToZero} testId="endpoints-asleep" />
            <Stat label={o.starting} value={starting} testId="endpoints-starting" />
          </dl>
          {troubled.length > 0 ? (
            <>
              <h5 className="pt-1 text-sm font-semibold">{o.troubled}</h5>
              <ul className="space-y-1 text-sm" data-testid="endpoints-troubled">
                {troubled.map((endpoint) => (
                  <li key={endpoint.id} className="flex flex-wrap items-center gap-2">
                    <EndpointBadge status={endpoint.status} testId="troubled-status" />
                    <Link href={routes.endpoint(id, endpoint.id)} className="text-link underline">
                      {endpoint.name}
                    </Link>
                    {endpoint.statusReason ? (
                      <span className="text-fg-muted">
                        <EndpointReasonWords reason={endpoint.statusReason} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </PartOf>
  );
}

/** One organisation on its member's home page. */
export function OrganisationPanel({ home, now }: { home: OrganisationHome; now: number }) {
  const o = th.home.organisation;
  const id = home.organization.id;
  const verified = home.organization.status === "VERIFIED";
  return (
    <li
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5"
      data-testid="organisation-home"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold leading-snug">
            <Link href={routes.organisation(id)} className="text-link underline">
              {home.organization.name}
            </Link>
          </h3>
          <p className="text-sm text-fg-muted">
            {t.dashboard.role}: {t.roles[home.role] ?? home.role} ·{" "}
            <Link href={routes.members(id)} className="text-link underline">
              {t.dashboard.members(home.memberCount)}
              <span className="sr-only">{t.dashboard.linkOf(home.organization.name)}</span>
            </Link>
          </p>
        </div>
        <VerificationBadge status={home.organization.status} />
      </div>
      {verified ? (
        <>
          <PartOf
            title={o.quota}
            href={programmeRoutes.allocations(id)}
            of={home.organization.name}
          >
            <QuotaLines home={home} now={now} />
          </PartOf>
          <PartOf title={o.jobs} href={routes.jobs(id)} of={home.organization.name}>
            <dl className="grid grid-cols-2 gap-3">
              <Stat label={o.running} value={home.jobs.running} testId="jobs-running" />
              <Stat label={o.pending} value={home.jobs.pending} testId="jobs-pending" />
            </dl>
            <h5 className="pt-1 text-sm font-semibold">{o.failures}</h5>
            {home.recentFailures.length === 0 ? (
              <p className="text-sm text-fg-muted">{o.noFailures}</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="recent-failures">
                {home.recentFailures.map((job) => (
                  <li key={job.id} className="flex flex-wrap items-center gap-2">
                    <WorkloadBadge status={job.status} />
                    <Link href={routes.job(id, job.id)} className="text-link underline">
                      {job.name}
                    </Link>
                    {/* The badge says it failed; a reason that only repeats it is left out. */}
                    {job.statusReason && job.statusReason.toUpperCase() !== job.status ? (
                      <span className="text-fg-muted">
                        <ReasonWords reason={job.statusReason} />
                      </span>
                    ) : null}
                    {job.endedAt ? (
                      <span className="text-fg-muted">· {formatDate(job.endedAt)}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {home.openApplications > 0 ? (
              <p className="text-sm">
                <Link href={programmeRoutes.applications(id)} className="text-link underline">
                  {o.openApplications(home.openApplications)}
                </Link>
              </p>
            ) : null}
          </PartOf>
          <EndpointsPart home={home} />
        </>
      ) : (
        <p className="text-sm">{t.dashboard.cardStatus[home.organization.status]}</p>
      )}
    </li>
  );
}
