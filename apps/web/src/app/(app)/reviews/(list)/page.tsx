import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { Pagination } from "@/components/pagination";
import { ReviewBadge } from "@/components/programmes/badges";
import { FilterTabs } from "@/components/programmes/filter-tabs";
import { programmeRoutes } from "@/components/programmes/paths";
import { countryName, formatDate, t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { ScrollTable } from "@/components/programmes/scroll-table";

export const metadata: Metadata = { title: tp.reviews.title };

export default async function ReviewsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const pendingOnly = param(query.show) !== "all";
  const cursor = param(query.cursor);
  const page = await loadIfAllowed((api) => api.reviews.list({ pendingOnly, cursor, limit: 25 }));
  const r = tp.reviews;
  const base = programmeRoutes.reviews;

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: r.title }]}
      />
      <PageHeader title={r.title} description={r.lead} />
      {!page.allowed ? (
        <Forbidden invalid={page.invalid} />
      ) : (
        <div className="space-y-4">
          <FilterTabs
            label={r.filter}
            tabs={[
              { href: base, label: r.pendingOnly, current: pendingOnly },
              { href: `${base}?show=all`, label: r.all, current: !pendingOnly },
            ]}
          />
          {page.data.items.length === 0 && !cursor ? (
            page.data.tally.assigned > 0 ? (
              <EmptyState title={r.allDoneTitle}>
                <p data-testid="reviews-all-done">{r.allDoneBody(page.data.tally)}</p>
              </EmptyState>
            ) : (
              <EmptyState title={r.emptyTitle}>
                <p>{r.emptyBody}</p>
              </EmptyState>
            )
          ) : (
            <ScrollTable caption={r.tableCaption}>
              <thead>
                <tr>
                  <Th>{r.application}</Th>
                  <Th>{r.organisation}</Th>
                  <Th>{r.programme}</Th>
                  <Th>{r.submitted}</Th>
                  <Th>{r.state}</Th>
                  <Th className="text-right">{r.scoreColumn}</Th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((review) => (
                  <tr key={review.id}>
                    <Td>
                      <Link
                        href={programmeRoutes.review(review.id)}
                        className="font-semibold text-link underline"
                      >
                        {review.application.title}
                      </Link>
                    </Td>
                    <Td>
                      {review.application.organization.name}
                      <span className="block text-fg-muted">
                        {t.kinds[review.application.organization.kind] ??
                          review.application.organization.kind}{" "}
                        · {countryName(review.application.organization.country)}
                      </span>
                    </Td>
                    <Td>{review.application.programme.name}</Td>
                    <Td className="whitespace-nowrap">
                      {review.application.submittedAt
                        ? formatDate(review.application.submittedAt)
                        : "—"}
                    </Td>
                    <Td>
                      <ReviewBadge state={review.state} />
                    </Td>
                    <Td className="text-right tabular-nums">{review.score ?? "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            basePath={base}
            params={{ show: pendingOnly ? undefined : "all" }}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      )}
    </>
  );
}
