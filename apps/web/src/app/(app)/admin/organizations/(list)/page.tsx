import type { Metadata } from "next";
import Link from "next/link";
import { Button, cn, PageHeader, Td, TextInput, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import type { VerificationStatus } from "@tessera/db";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { Pagination } from "@/components/pagination";
import { VerificationBadge } from "@/components/status-badge";
import { countryName, formatDate, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";

export const metadata: Metadata = { title: t.admin.reviewTitle };

const STATUSES: VerificationStatus[] = ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"];
type Tab = VerificationStatus | "ALL";

function asTab(value: string | undefined): Tab {
  if (value === "ALL") return "ALL";
  return STATUSES.find((s) => s === value) ?? "PENDING";
}

export default async function AdminOrganisationsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const query = await searchParams;
  const tab = asTab(param(query.status));
  const q = param(query.q);
  const cursor = param(query.cursor);
  const page = await loadIfAllowed((api) =>
    api.admin.organizations.list({ status: tab === "ALL" ? undefined : tab, q, cursor, limit: 25 }),
  );
  const tabHref = (value: Tab) => {
    const search = new URLSearchParams({ status: value });
    if (q) search.set("q", q);
    return `${routes.adminOrganisations}?${search.toString()}`;
  };

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: t.admin.reviewTitle }]}
      />
      <PageHeader title={t.admin.reviewTitle} description={t.admin.reviewLead} />
      {!page.allowed ? (
        <Forbidden invalid={page.invalid} resetHref={routes.adminOrganisations} />
      ) : (
        <div className="space-y-4">
          <nav aria-label={t.admin.tabs}>
            <ul className="flex flex-wrap gap-1 border-b border-line">
              {(["PENDING", "VERIFIED", "REJECTED", "SUSPENDED", "ALL"] as const).map((value) => (
                <li key={value}>
                  <Link
                    href={tabHref(value)}
                    aria-current={tab === value ? "page" : undefined}
                    className={cn(
                      "-mb-px block border-b-4 px-3 py-2 text-sm no-underline",
                      tab === value
                        ? "border-accent font-semibold text-fg"
                        : "border-transparent text-fg-muted hover:text-fg",
                    )}
                  >
                    {value === "ALL" ? t.admin.tabAll : t.status.verification[value]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form
            method="get"
            action={routes.adminOrganisations}
            role="search"
            className="flex flex-wrap items-end gap-3"
          >
            <input type="hidden" name="status" value={tab} />
            <div className="min-w-[16rem] flex-1 space-y-1">
              <label htmlFor="review-search" className="block font-semibold">
                {t.admin.search}
              </label>
              <p id="review-search-hint" className="text-sm text-fg-muted">
                {t.admin.searchHint}
              </p>
              <TextInput
                id="review-search"
                name="q"
                type="search"
                defaultValue={q ?? ""}
                aria-describedby="review-search-hint"
              />
            </div>
            <Button type="submit" variant="secondary">
              {t.admin.searchSubmit}
            </Button>
          </form>
          {page.data.items.length === 0 ? (
            <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
              {t.admin.empty}
            </p>
          ) : (
            <ScrollTable caption={t.admin.tableCaption}>
              <thead>
                <tr>
                  <Th>{t.admin.name}</Th>
                  <Th>{t.admin.kind}</Th>
                  <Th>{t.admin.country}</Th>
                  <Th>{t.admin.createdBy}</Th>
                  <Th>{t.admin.members}</Th>
                  <Th>{t.admin.submitted}</Th>
                  <Th>{t.admin.status}</Th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((organisation) => (
                  <tr key={organisation.id}>
                    <Td>
                      <Link
                        href={routes.adminOrganisation(organisation.id)}
                        className="font-semibold text-link underline"
                      >
                        {organisation.name}
                      </Link>
                      <span className="block font-mono text-xs text-fg-muted">
                        {organisation.registryId}
                      </span>
                    </Td>
                    <Td>{t.kinds[organisation.kind] ?? organisation.kind}</Td>
                    <Td>{countryName(organisation.country)}</Td>
                    <Td>
                      {organisation.createdBy.name}
                      <span className="block text-fg-muted">{organisation.createdBy.email}</span>
                    </Td>
                    <Td>{organisation.memberCount}</Td>
                    <Td className="whitespace-nowrap">{formatDate(organisation.createdAt)}</Td>
                    <Td>
                      <VerificationBadge status={organisation.status} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            basePath={routes.adminOrganisations}
            params={{ status: tab, q }}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      )}
    </>
  );
}
