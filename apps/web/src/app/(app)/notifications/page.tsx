import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { Pagination } from "@/components/pagination";
import { FilterTabs } from "@/components/programmes/filter-tabs";
import { MarkReadButton } from "@/components/programmes/notification-actions";
import { programmeRoutes } from "@/components/programmes/paths";
import { formatDateTime, t, th, tp } from "@/i18n";
import { routes, safeCallbackPath } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";

export const metadata: Metadata = { title: tp.notifications.title };

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const unreadOnly = param(query.show) === "unread";
  const cursor = param(query.cursor);
  const listed = await loadIfAllowed((api) =>
    api.notifications.list({ unreadOnly, cursor, limit: 25 }),
  );
  const n = tp.notifications;
  const base = programmeRoutes.notifications;
  const crumbs = [{ label: t.nav.dashboard, href: routes.dashboard }, { label: n.title }];
  if (!listed.allowed)
    return <ForbiddenPage crumbs={crumbs} invalid={listed.invalid} resetHref={base} />;
  const page = listed.data;

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={n.title}
        description={n.lead}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href={programmeRoutes.notificationSettings} className="text-link underline">
              {th.preferences.link}
            </Link>
            {page.unreadCount > 0 ? <MarkReadButton /> : null}
          </div>
        }
      />
      <div className="space-y-4">
        <p aria-live="polite" data-testid="unread-count">
          {n.unreadCount(page.unreadCount)}
        </p>
        <FilterTabs
          label={n.filter}
          tabs={[
            { href: base, label: n.all, current: !unreadOnly },
            { href: `${base}?show=unread`, label: n.unreadOnly, current: unreadOnly },
          ]}
        />
        {page.items.length === 0 && !cursor ? (
          <EmptyState title={n.emptyTitle}>
            <p>{unreadOnly ? n.emptyUnread : n.emptyBody}</p>
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {page.items.map((notification) => (
              <li
                key={notification.id}
                className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 sm:flex-row sm:items-start sm:justify-between"
                data-testid="notification"
              >
                {/* The text takes what the button leaves: a long message never pushes it below. */}
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 font-semibold">
                    {notification.readAt ? null : <Badge tone="info">{tp.status.unread}</Badge>}
                    <span>{notification.title}</span>
                  </p>
                  <p className="whitespace-pre-line">{notification.body}</p>
                  <p className="text-sm text-fg-muted">{formatDateTime(notification.createdAt)}</p>
                  {notification.link ? (
                    <Link
                      href={safeCallbackPath(notification.link)}
                      className="font-semibold text-link underline"
                    >
                      {n.open}
                      <span className="sr-only">: {notification.title}</span>
                    </Link>
                  ) : null}
                </div>
                {notification.readAt ? null : (
                  <div className="shrink-0">
                    <MarkReadButton notificationId={notification.id} title={notification.title} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pagination
          basePath={base}
          params={{ show: unreadOnly ? "unread" : undefined }}
          cursor={cursor}
          nextCursor={page.nextCursor}
        />
      </div>
    </>
  );
}
