import Link from "next/link";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

export interface Crumb {
  label: string;
  href?: string;
}

/** Where a page of an organisation sits: the dashboard, the organisation, then the page. */
export function organisationCrumbs(
  organisation: { id: string; name: string },
  label: string,
): Crumb[] {
  return [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organisation.id) },
    { label },
  ];
}

/**
 * Where this page sits; the last crumb is the current page. A crumb is a name people chose (a
 * job, a project, an organisation), so one long word wraps inside the trail, never past the page.
 */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label={t.common.breadcrumb} className="mb-4 text-sm">
      <ol className="flex min-w-0 flex-wrap items-center gap-1 text-fg-muted">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li
              key={`${item.label}-${index}`}
              className="flex min-w-0 items-center gap-1 wrap-anywhere"
            >
              {item.href && !last ? (
                <Link href={item.href} className="min-w-0 text-link underline">
                  {item.label}
                </Link>
              ) : (
                <span
                  aria-current={last ? "page" : undefined}
                  className={last ? "min-w-0 font-semibold text-fg" : "min-w-0"}
                >
                  {item.label}
                </span>
              )}
              {last ? null : (
                <span aria-hidden="true" className="px-1">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
