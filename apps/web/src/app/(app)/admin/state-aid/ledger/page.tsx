import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Button, EmptyState, PageHeader, Select, Td, TextInput, Th } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { LinkIf } from "@/components/link-if";
import { Pagination } from "@/components/pagination";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { ExportLinks } from "@/components/state-aid/export-links";
import { stateAidApplicationHref, stateAidOrganisationHref } from "@/components/state-aid/links";
import { euros, formatDay } from "@/components/state-aid/format";
import { stateAidRoutes } from "@/components/state-aid/paths";
import { StateAidTabs } from "@/components/state-aid/state-aid-tabs";
import { t, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: tsa.page.ledgerMetaTitle };

const KINDS = ["ALL", "AWARD", "DECLARED"] as const;
type Kind = (typeof KINDS)[number];

/** The de minimis ledger as booked, newest grant first: filters by kind, dates and undertaking. */
export default async function StateAidLedgerPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const requested = param(query.kind);
  const kind: Kind = KINDS.find((value) => value === requested) ?? "ALL";
  const from = param(query.from);
  const to = param(query.to);
  const organizationId = param(query.organization);
  const groupId = param(query.group);
  const cursor = param(query.cursor);
  const [page, standing] = await Promise.all([
    loadIfAllowed((api) =>
      api.stateAid.ledger({
        kind: kind === "ALL" ? null : kind,
        from,
        to,
        organizationId,
        groupId,
        cursor,
        limit: 25,
      }),
    ),
    organizationId
      ? loadIfAllowed((api) => api.stateAid.standing({ organizationId }))
      : Promise.resolve(null),
  ]);
  const user = await requireUser();
  const p = tsa.page;
  const filters = {
    kind: kind === "ALL" ? undefined : kind,
    from,
    to,
    organization: organizationId,
    group: groupId,
  };
  const exportSearch = new URLSearchParams(
    Object.entries({ from, to, organization: organizationId, group: groupId }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  ).toString();
  const firstGroup = page.allowed ? page.data.items[0]?.group : undefined;
  const scope = organizationId
    ? p.ledgerForOne(standing?.allowed ? standing.data.organization.name : organizationId)
    : groupId
      ? p.ledgerFor(firstGroup?.name ?? groupId)
      : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: p.metaTitle, href: stateAidRoutes.undertakings },
          { label: p.tabLedger },
        ]}
      />
      <PageHeader title={p.title} description={p.ledgerLead} />
      {!page.allowed ? (
        <Forbidden invalid={page.invalid} resetHref={stateAidRoutes.ledger} />
      ) : (
        <div className="space-y-4">
          <StateAidTabs current="ledger" />
          {scope ? (
            <p className="flex flex-wrap gap-x-3" data-testid="ledger-scope">
              <span>{scope}</span>
              <Link href={stateAidRoutes.ledger} className="text-link underline">
                {p.showAll}
              </Link>
            </p>
          ) : null}
          <p className="text-sm text-fg-muted">{p.datesNote}</p>
          <p className="text-sm text-fg-muted">{p.repeatsNote}</p>
          <ExportLinks search={exportSearch} />
          <form
            method="get"
            action={stateAidRoutes.ledger}
            className="flex flex-wrap items-end gap-3"
            aria-label={p.ledgerTitle}
          >
            {organizationId ? (
              <input type="hidden" name="organization" value={organizationId} />
            ) : null}
            {groupId ? <input type="hidden" name="group" value={groupId} /> : null}
            <div className="space-y-1">
              <label htmlFor="ledger-kind" className="block font-semibold">
                {p.ledgerKind}
              </label>
              <Select id="ledger-kind" name="kind" defaultValue={kind}>
                {KINDS.map((value) => (
                  <option key={value} value={value}>
                    {p.ledgerKinds[value]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1">
              <label htmlFor="ledger-from" className="block font-semibold">
                {p.from}
              </label>
              <TextInput id="ledger-from" name="from" type="date" defaultValue={from ?? ""} />
            </div>
            <div className="space-y-1">
              <label htmlFor="ledger-to" className="block font-semibold">
                {p.to}
              </label>
              <TextInput id="ledger-to" name="to" type="date" defaultValue={to ?? ""} />
            </div>
            <Button type="submit" variant="secondary">
              {p.apply}
            </Button>
          </form>
          {page.data.items.length === 0 ? (
            <EmptyState title={p.noLedgerTitle}>
              <p>{p.noLedger}</p>
            </EmptyState>
          ) : (
            <ScrollTable caption={p.ledgerCaption} stickyFirstColumn>
              <thead>
                <tr>
                  <Th>{p.grantedOn}</Th>
                  <Th>{p.organisation}</Th>
                  <Th>{p.group}</Th>
                  <Th>{p.ledgerKind}</Th>
                  <Th className="text-right">{p.amount}</Th>
                  <Th>{p.programme}</Th>
                  <Th>{p.legalBasis}</Th>
                  <Th>{p.award}</Th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((entry) => (
                  <tr key={entry.id} data-testid={`ledger-${entry.id}`}>
                    <Td className="whitespace-nowrap">{formatDay(entry.grantedOn)}</Td>
                    <Td className="min-w-40">
                      <LinkIf
                        href={stateAidOrganisationHref(
                          user.platformRoles,
                          entry.organization.id,
                          organizationId ? stateAidRoutes.ledgerFor(organizationId) : null,
                        )}
                      >
                        {entry.organization.name}
                      </LinkIf>
                      <span className="block font-mono text-xs text-fg-muted">
                        {entry.organization.country} {entry.organization.registryId}
                      </span>
                    </Td>
                    <Td>{entry.group?.name ?? "—"}</Td>
                    <Td>
                      <Badge tone={entry.kind === "AWARD" ? "info" : "neutral"}>
                        {tsa.kind[entry.kind]}
                      </Badge>
                      {entry.repeats ? (
                        <span className="mt-1 block min-w-48 text-sm" data-testid="ledger-repeat">
                          <LinkIf
                            href={stateAidApplicationHref(
                              user.platformRoles,
                              entry.repeats.programmeId,
                              entry.repeats.requestId,
                            )}
                          >
                            {p.repeats(entry.repeats.applicationTitle)}
                          </LinkIf>
                        </span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      {entry.repeats ? (
                        // Shown, as booked, but struck through: it adds to no total.
                        <span data-testid="ledger-repeat-amount">
                          <s className="text-fg-muted">{euros(entry.grossGrantEquivalentMinor)}</s>
                          <span className="block text-xs text-fg-muted">{p.repeatAmount}</span>
                        </span>
                      ) : (
                        euros(entry.grossGrantEquivalentMinor)
                      )}
                    </Td>
                    <Td className="min-w-40">
                      {entry.programme ? (
                        <>
                          <LinkIf
                            href={stateAidApplicationHref(
                              user.platformRoles,
                              entry.programme.id,
                              entry.requestId,
                            )}
                          >
                            {entry.programme.name}
                          </LinkIf>
                          <span className="block text-xs text-fg-muted">{entry.grantor}</span>
                        </>
                      ) : (
                        entry.grantor
                      )}
                    </Td>
                    <Td className="min-w-48 text-sm">{entry.legalBasis}</Td>
                    <Td className="font-mono text-xs">{entry.allocationId ?? "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            basePath={stateAidRoutes.ledger}
            params={filters}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      )}
    </>
  );
}
