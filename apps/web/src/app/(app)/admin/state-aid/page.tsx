import type { Metadata } from "next";
import Link from "next/link";
import { Button, EmptyState, PageHeader, Select, Td, TextInput, Th } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { LinkIf } from "@/components/link-if";
import { Pagination } from "@/components/pagination";
import { formatPercent } from "@tessera/core/words";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { UsageBar } from "@/components/programmes/usage-bar";
import { ExportLinks } from "@/components/state-aid/export-links";
import { stateAidOrganisationHref } from "@/components/state-aid/links";
import { euros, formatDay } from "@/components/state-aid/format";
import { stateAidRoutes } from "@/components/state-aid/paths";
import { StateAidTabs } from "@/components/state-aid/state-aid-tabs";
import { t, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: tsa.page.metaTitle };

const FILTERS = ["ALL", "WITH_AID", "NEAR_CEILING"] as const;
type Filter = (typeof FILTERS)[number];

/** The share of the ceiling from which a row is drawn in the warning colour (the "near" filter). */
const NEAR_CEILING_PERCENT = 80;

/**
 * The administrators' state-aid view: every undertaking's rolling three-year de minimis total
 * against the ceiling, highest first, with a search, a filter and the register export.
 */
export default async function StateAidPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const q = param(query.q);
  const requested = param(query.filter);
  const filter: Filter = FILTERS.find((value) => value === requested) ?? "ALL";
  const cursor = param(query.cursor);
  const page = await loadIfAllowed((api) =>
    api.stateAid.undertakings({ q, filter, cursor, limit: 25 }),
  );
  const user = await requireUser();
  const p = tsa.page;
  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: p.metaTitle }]}
      />
      <PageHeader title={p.title} description={p.lead} />
      {!page.allowed ? (
        <Forbidden invalid={page.invalid} resetHref={stateAidRoutes.undertakings} />
      ) : (
        <div className="space-y-4">
          <StateAidTabs current="undertakings" />
          <p data-testid="state-aid-as-of">
            {p.asOf(
              euros(page.data.ceilingMinor),
              formatDay(page.data.windowAfter),
              formatDay(page.data.asOf),
              tsa.zone,
            )}
          </p>
          <p className="text-sm text-fg-muted">{p.datesNote}</p>
          <ExportLinks />
          <form
            method="get"
            action={stateAidRoutes.undertakings}
            role="search"
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-[14rem] flex-1 space-y-1">
              <label htmlFor="undertaking-search" className="block font-semibold">
                {p.search}
              </label>
              <p id="undertaking-search-hint" className="text-sm text-fg-muted">
                {p.searchHint}
              </p>
              <TextInput
                id="undertaking-search"
                name="q"
                type="search"
                defaultValue={q ?? ""}
                aria-describedby="undertaking-search-hint"
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="undertaking-filter" className="block font-semibold">
                {p.filter}
              </label>
              <Select id="undertaking-filter" name="filter" defaultValue={filter}>
                {FILTERS.map((value) => (
                  <option key={value} value={value}>
                    {p.filters[value]}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="secondary">
              {p.apply}
            </Button>
          </form>
          {page.data.items.length === 0 ? (
            <EmptyState title={p.noUndertakingsTitle}>
              <p>{p.noUndertakings}</p>
            </EmptyState>
          ) : (
            <ScrollTable caption={p.undertakingsCaption} stickyFirstColumn>
              <thead>
                <tr>
                  <Th>{p.undertaking}</Th>
                  <Th className="text-right">{p.awarded}</Th>
                  <Th className="text-right">{p.declared}</Th>
                  <Th className="text-right">{p.total}</Th>
                  <Th className="text-right">{p.remaining}</Th>
                  <Th>{p.share}</Th>
                  <Th>{p.lastAward}</Th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((row) => {
                  const name = row.group?.name ?? row.organizations[0]?.name ?? row.key;
                  const ledgerHref = row.group
                    ? stateAidRoutes.ledgerForGroup(row.group.id)
                    : stateAidRoutes.ledgerFor(row.key);
                  const near =
                    row.receivedMinor * 100 >= page.data.ceilingMinor * NEAR_CEILING_PERCENT;
                  return (
                    <tr key={row.key} data-testid={`undertaking-${row.key}`}>
                      <Td className="min-w-48">
                        {row.group ? (
                          <>
                            <span className="font-semibold">{row.group.name}</span>
                            <span className="block font-mono text-xs text-fg-muted">
                              {row.group.country} {row.group.registryId}
                            </span>
                          </>
                        ) : null}
                        <ul className={row.group ? "mt-1 space-y-0.5 text-sm" : "space-y-0.5"}>
                          {row.organizations.map((organisation) => (
                            <li key={organisation.id}>
                              <LinkIf
                                href={stateAidOrganisationHref(
                                  user.platformRoles,
                                  organisation.id,
                                  ledgerHref,
                                )}
                                className={row.group ? undefined : "font-semibold"}
                              >
                                {organisation.name}
                              </LinkIf>
                              <span className="block font-mono text-xs text-fg-muted">
                                {organisation.country} {organisation.registryId}
                                {row.group ? "" : ` · ${p.ownUndertaking}`}
                              </span>
                            </li>
                          ))}
                        </ul>
                        <Link href={ledgerHref} className="text-sm text-link underline">
                          {p.viewLedger(name)}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {euros(row.awardedMinor)}
                      </Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {euros(row.declaredMinor)}
                      </Td>
                      <Td className="whitespace-nowrap text-right font-semibold tabular-nums">
                        <span data-testid="undertaking-total">{euros(row.receivedMinor)}</span>
                      </Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {euros(Math.max(0, row.remainingMinor))}
                      </Td>
                      <Td className="min-w-32">
                        <UsageBar
                          label={tsa.standing.barReceived(
                            euros(row.receivedMinor),
                            euros(page.data.ceilingMinor),
                          )}
                          whole={page.data.ceilingMinor}
                          parts={[{ value: row.receivedMinor, tone: near ? "warning" : "accent" }]}
                        />
                        <span className="text-xs tabular-nums">
                          {formatPercent(row.receivedMinor, page.data.ceilingMinor)}
                        </span>
                      </Td>
                      <Td className="whitespace-nowrap">
                        {row.lastAwardOn ? formatDay(row.lastAwardOn) : "—"}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            basePath={stateAidRoutes.undertakings}
            params={{ q, filter: filter === "ALL" ? undefined : filter }}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      )}
    </>
  );
}
