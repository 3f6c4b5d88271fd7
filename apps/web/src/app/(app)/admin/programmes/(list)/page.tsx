import type { Metadata } from "next";
import Link from "next/link";
import { Button, buttonClassName, EmptyState, PageHeader, Td, TextInput, Th } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { Pagination } from "@/components/pagination";
import { CallBadge } from "@/components/programmes/badges";
import { formatMoney, formatRate } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { UsageBar } from "@/components/programmes/usage-bar";
import { formatDate, t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { ScrollTable } from "@/components/programmes/scroll-table";

export const metadata: Metadata = { title: tp.admin.title };

export default async function AdminProgrammesPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const query = await searchParams;
  const q = param(query.q);
  const cursor = param(query.cursor);
  const page = await loadIfAllowed((api) => api.programmes.admin.list({ q, cursor, limit: 25 }));
  const a = tp.admin;

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: a.title }]}
      />
      <PageHeader
        title={a.title}
        description={a.lead}
        actions={
          page.allowed ? (
            <Link href={programmeRoutes.newProgramme} className={buttonClassName()}>
              {a.new}
            </Link>
          ) : null
        }
      />
      {!page.allowed ? (
        <Forbidden invalid={page.invalid} resetHref={programmeRoutes.adminProgrammes} />
      ) : (
        <div className="space-y-4">
          <form
            method="get"
            action={programmeRoutes.adminProgrammes}
            role="search"
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-[16rem] flex-1 space-y-1">
              <label htmlFor="programme-search" className="block font-semibold">
                {a.search}
              </label>
              <p id="programme-search-hint" className="text-sm text-fg-muted">
                {a.searchHint}
              </p>
              <TextInput
                id="programme-search"
                name="q"
                type="search"
                defaultValue={q ?? ""}
                aria-describedby="programme-search-hint"
              />
            </div>
            <Button type="submit" variant="secondary">
              {a.searchSubmit}
            </Button>
          </form>
          {page.data.items.length === 0 && !cursor ? (
            q ? (
              <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
                {a.emptySearch}
              </p>
            ) : (
              <EmptyState
                title={a.emptyTitle}
                action={
                  <Link href={programmeRoutes.newProgramme} className={buttonClassName()}>
                    {a.new}
                  </Link>
                }
              >
                <p>{a.emptyBody}</p>
              </EmptyState>
            )
          ) : (
            <ScrollTable caption={a.tableCaption}>
              <thead>
                <tr>
                  <Th>{a.name}</Th>
                  <Th>{a.openCall}</Th>
                  <Th className="min-w-48">{a.budget}</Th>
                  <Th className="text-right">{a.applicationCount}</Th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((programme) => {
                  const money = (minor: number) => formatMoney(minor, programme.currency);
                  const call =
                    programme.openCall ??
                    programme.calls.find((c) => c.state === "UPCOMING") ??
                    null;
                  const used = a.budgetUsed(
                    money(programme.awardedMinor),
                    money(programme.budgetMinor),
                  );
                  return (
                    <tr key={programme.id}>
                      <Td>
                        <Link
                          href={programmeRoutes.adminProgramme(programme.id)}
                          className="font-semibold text-link underline"
                        >
                          {programme.name}
                        </Link>
                        <span className="block text-fg-muted">
                          {programme.sponsor} · {formatRate(programme.subsidyRateBps)}
                        </span>
                      </Td>
                      <Td>
                        {call ? (
                          <span className="flex flex-wrap items-center gap-2">
                            <CallBadge state={call.state} />
                            <span>
                              {call.name}
                              <span className="block text-fg-muted">
                                {formatDate(call.opensAt)} – {formatDate(call.closesAt)}
                              </span>
                            </span>
                          </span>
                        ) : (
                          <span className="text-fg-muted">{a.noCall}</span>
                        )}
                      </Td>
                      <Td>
                        <UsageBar
                          label={used}
                          whole={programme.budgetMinor}
                          parts={[{ value: programme.awardedMinor, tone: "accent" }]}
                        />
                        <span className="mt-1 block text-sm">{used}</span>
                      </Td>
                      <Td className="text-right tabular-nums">{programme.applicationCount}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            basePath={programmeRoutes.adminProgrammes}
            params={{ q }}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      )}
    </>
  );
}
