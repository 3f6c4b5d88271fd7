import type { Metadata } from "next";
import Link from "next/link";
import { Button, Card, DescriptionList, PageHeader, Td, TextInput, Th } from "@tessera/ui";
import type { AllocationRequestStatus } from "@tessera/db";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { billingRoutes } from "@/components/billing/paths";
import { ForbiddenPage } from "@/components/forbidden-page";
import { Pagination } from "@/components/pagination";
import { RequestedAndGranted } from "@/components/programmes/award-table";
import { ApplicationBadge, CallBadge } from "@/components/programmes/badges";
import { BurnDownChart } from "@/components/programmes/burn-down-chart";
import { AddCallForm, CloseCallButton } from "@/components/programmes/call-forms";
import { FilterTabs } from "@/components/programmes/filter-tabs";
import { formatPercent } from "@tessera/core/words";
import { formatMoney, formatNumber, formatRate } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { ProgrammeBudgetMeter } from "@/components/programmes/budget-meter";
import { ConsumptionByMonth } from "@/components/programmes/consumption-by-month";
import { ProjectionFigures } from "@/components/programmes/projection-figures";
import { countryName, countryNames, formatDate, formatDateTime, t, tb, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadProgrammeDashboard } from "@/server/programmes";
import { ScrollTable } from "@/components/programmes/scroll-table";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dashboard = await loadProgrammeDashboard((await params).programmeId);
  return { title: dashboard.allowed ? dashboard.data.programme.name : tp.admin.title };
}

const STATES: AllocationRequestStatus[] = [
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
];

interface Props {
  params: Promise<{ programmeId: string }>;
  searchParams: SearchParams;
}

function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <dt className="text-sm font-semibold text-fg-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="text-sm text-fg-muted">{note}</dd> : null}
    </div>
  );
}

export default async function ProgrammeDashboardPage({ params, searchParams }: Props) {
  const { programmeId } = await params;
  const query = await searchParams;
  const status = STATES.find((s) => s === param(query.status));
  const q = param(query.q);
  const cursor = param(query.cursor);
  const [dashboard, applications] = await Promise.all([
    loadProgrammeDashboard(programmeId),
    loadIfAllowed((api) =>
      api.applications.admin.list({ programmeId, status, q, cursor, limit: 25 }),
    ),
  ]);
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: tp.admin.title, href: programmeRoutes.adminProgrammes },
  ];
  if (!dashboard.allowed || !applications.allowed) {
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={
          !dashboard.allowed
            ? dashboard.invalid
            : !applications.allowed
              ? applications.invalid
              : null
        }
        resetHref={programmeRoutes.adminProgramme(programmeId)}
      />
    );
  }
  const data = dashboard.data;
  const programme = data.programme;
  const d = tp.dashboard;
  const money = (minor: number) => formatMoney(minor, programme.currency);
  const base = programmeRoutes.adminProgramme(programmeId);
  const tabHref = (value: AllocationRequestStatus | undefined) => {
    const search = new URLSearchParams();
    if (value) search.set("status", value);
    if (q) search.set("q", q);
    const text = search.toString();
    return text ? `${base}?${text}#applications` : `${base}#applications`;
  };
  const percent = formatPercent(data.awardedMinor, data.budgetMinor);
  const meterText = d.budgetMeterText(money(data.awardedMinor), money(data.budgetMinor), percent);

  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: programme.name }]} />
      <PageHeader
        title={programme.name}
        meta={programme.openCall ? <CallBadge state="OPEN" /> : null}
        description={`${programme.sponsor} · ${tp.money.rate(formatRate(programme.subsidyRateBps))}`}
        actions={
          <Link href={billingRoutes.statement(programme.id)} className="text-link underline">
            {tb.statement.statementLink}
          </Link>
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="overview-heading" className="space-y-4">
          <h2 id="overview-heading" className="text-xl font-semibold">
            {d.overview}
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Stat label={d.budget} value={money(data.budgetMinor)} />
            <Stat
              label={d.awarded}
              value={money(data.awardedMinor)}
              note={d.awards(data.awardCount)}
            />
            <Stat
              label={d.consumed}
              value={money(data.consumedMinor)}
              note={d.consumedParts(
                money(data.consumption.invoicedMinor),
                money(data.consumption.uninvoicedMinor),
              )}
              testId="programme-consumed"
            />
            <Stat label={d.remaining} value={money(data.unawardedMinor)} />
          </dl>
          <div className="space-y-1">
            <p className="font-semibold">{d.budgetMeter}</p>
            <ProgrammeBudgetMeter
              label={meterText}
              currency={programme.currency}
              budgetMinor={data.budgetMinor}
              awardedMinor={data.awardedMinor}
              consumedMinor={data.consumedMinor}
            />
            <p className="text-sm" data-testid="budget-meter-text">
              {meterText}
            </p>
            <p className="text-sm text-fg-muted">{d.consumedText}</p>
          </div>
        </section>

        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={d.burnDown} className="min-w-0 lg:col-span-2">
            <p className="mb-3 text-sm text-fg-muted">{d.burnDownLead}</p>
            <BurnDownChart
              points={data.burnDown}
              budgetMinor={data.budgetMinor}
              currency={programme.currency}
              projection={data.projection}
            />
            <div className="mt-4">
              <ProjectionFigures projection={data.projection} currency={programme.currency} />
            </div>
            <details className="mt-4">
              <summary className="cursor-pointer font-semibold text-link underline">
                {d.burnDownTable}
              </summary>
              {data.burnDown.length === 0 ? (
                <p className="mt-2 text-fg-muted">{d.noDays}</p>
              ) : (
                <ScrollTable caption={d.burnDownCaption} className="mt-2 max-h-80 overflow-y-auto">
                  <thead>
                    <tr>
                      <Th>{d.day}</Th>
                      <Th className="text-right">{d.awarded}</Th>
                      <Th className="text-right">{d.consumed}</Th>
                      <Th className="text-right">{d.unawarded}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...data.burnDown].reverse().map((point) => (
                      <tr key={point.day}>
                        <Td className="whitespace-nowrap">
                          {formatDate(new Date(`${point.day}T00:00:00Z`))}
                        </Td>
                        <Td className="text-right tabular-nums">{money(point.awardedMinor)}</Td>
                        <Td className="text-right tabular-nums">{money(point.consumedMinor)}</Td>
                        <Td className="text-right tabular-nums">{money(point.unawardedMinor)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              )}
            </details>
          </Card>
          <div className="min-w-0 space-y-6">
            <ConsumptionByMonth
              programmeId={programme.id}
              currency={programme.currency}
              consumedMinor={data.consumedMinor}
              consumption={data.consumption}
            />
            <Card title={d.byState} className="min-w-0">
              <ul aria-label={d.byStateCaption} className="divide-y divide-line">
                {STATES.map((state) => (
                  <li
                    key={state}
                    className="flex items-center justify-between gap-3 py-2"
                    data-testid={`state-${state}`}
                  >
                    <ApplicationBadge status={state} />
                    <span className="text-lg font-semibold tabular-nums">
                      {formatNumber(data.applicationsByState[state])}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        </div>

        <Card title={d.details}>
          <DescriptionList
            items={[
              {
                term: d.rate,
                detail: tp.money.rateWithBps(
                  formatRate(programme.subsidyRateBps),
                  formatNumber(programme.subsidyRateBps),
                ),
              },
              { term: d.cap, detail: money(programme.orgCapMinor) },
              {
                term: d.kinds,
                detail: programme.eligibleKinds.length
                  ? programme.eligibleKinds.map((kind) => t.kinds[kind] ?? kind).join(", ")
                  : tp.programmes.everyKind,
              },
              {
                term: d.countries,
                detail: programme.eligibleCountries.length
                  ? countryNames(programme.eligibleCountries)
                  : tp.programmes.anyCountry,
              },
              { term: tp.programmes.sponsor, detail: programme.sponsor },
              {
                term: tp.programmeForm.description,
                detail: <span className="whitespace-pre-line">{programme.description}</span>,
              },
            ]}
          />
        </Card>

        <Card title={d.calls}>
          <div className="space-y-6">
            <ScrollTable caption={d.callsCaption}>
              <thead>
                <tr>
                  <Th>{d.callName}</Th>
                  <Th>{d.opens}</Th>
                  <Th>{d.closes}</Th>
                  <Th>{d.callState}</Th>
                  <Th>
                    <span className="sr-only">{tp.applications.detail.actions}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {programme.calls.map((call) => (
                  <tr key={call.id}>
                    <Td className="font-semibold">{call.name}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(call.opensAt)}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(call.closesAt)}</Td>
                    <Td>
                      <CallBadge state={call.state} />
                    </Td>
                    <Td>
                      {call.state === "OPEN" ? (
                        <CloseCallButton callId={call.id} name={call.name} />
                      ) : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <section
              aria-labelledby="add-call-heading"
              className="space-y-3 border-t border-line pt-4"
            >
              <h3 id="add-call-heading" className="font-semibold">
                {d.addCall}
              </h3>
              <AddCallForm programmeId={programme.id} />
            </section>
          </div>
        </Card>

        <section id="applications" aria-labelledby="applications-heading" className="space-y-4">
          <h2 id="applications-heading" className="text-xl font-semibold">
            {d.applications}
          </h2>
          <FilterTabs
            label={tp.applications.filterStatus}
            tabs={[
              { href: tabHref(undefined), label: tp.applications.allStatuses, current: !status },
              ...STATES.map((value) => ({
                href: tabHref(value),
                label: tp.status.application[value],
                current: status === value,
              })),
            ]}
          />
          <form method="get" action={base} role="search" className="flex flex-wrap items-end gap-3">
            {status ? <input type="hidden" name="status" value={status} /> : null}
            <div className="min-w-[16rem] flex-1 space-y-1">
              <label htmlFor="application-search" className="block font-semibold">
                {d.searchApplications}
              </label>
              <p id="application-search-hint" className="text-sm text-fg-muted">
                {d.searchApplicationsHint}
              </p>
              <TextInput
                id="application-search"
                name="q"
                type="search"
                defaultValue={q ?? ""}
                aria-describedby="application-search-hint"
              />
            </div>
            <Button type="submit" variant="secondary">
              {tp.admin.searchSubmit}
            </Button>
          </form>
          {applications.data.items.length === 0 && !cursor ? (
            <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
              {status || q ? d.noApplicationsFiltered : d.noApplications}
            </p>
          ) : (
            <ScrollTable caption={d.applicationsCaption}>
              <thead>
                <tr>
                  <Th>{tp.applications.titleColumn}</Th>
                  <Th>{d.organisation}</Th>
                  <Th className="text-right">{tp.applications.programmePays}</Th>
                  <Th>{d.reviews}</Th>
                  <Th>{tp.applications.status}</Th>
                  <Th>{tp.applications.detail.firstSubmitted}</Th>
                </tr>
              </thead>
              <tbody>
                {applications.data.items.map((application) => (
                  <tr key={application.id}>
                    <Td>
                      <Link
                        href={programmeRoutes.adminApplication(programme.id, application.id)}
                        className="font-semibold text-link underline"
                      >
                        {application.title}
                      </Link>
                      <span className="block text-fg-muted">{application.call.name}</span>
                    </Td>
                    <Td>
                      {application.organization.name}
                      <span className="block text-fg-muted">
                        {t.kinds[application.organization.kind] ?? application.organization.kind} ·{" "}
                        {countryName(application.organization.country)}
                      </span>
                    </Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      <RequestedAndGranted
                        requestedMinor={application.requested.programmeShareMinor}
                        grantedMinor={application.granted?.programmeShareMinor ?? null}
                        currency={programme.currency}
                      />
                    </Td>
                    <Td>{d.reviewSummary(application.reviewSummary, application.status)}</Td>
                    <Td>
                      <ApplicationBadge status={application.status} />
                    </Td>
                    <Td className="whitespace-nowrap">
                      {application.submittedAt ? formatDate(application.submittedAt) : "—"}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            basePath={base}
            params={{ status, q }}
            cursor={cursor}
            nextCursor={applications.data.nextCursor}
          />
        </section>
      </div>
    </>
  );
}
