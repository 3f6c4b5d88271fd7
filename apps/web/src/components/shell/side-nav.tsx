"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@tessera/ui";
import { t } from "@/i18n";
import { organisationIdFromPath, type NavData } from "./nav-data";
import { sideNavSections, type NavItem } from "./side-nav-sections";

function NavSection({
  title,
  items,
  pathname,
}: {
  title?: string;
  items: NavItem[];
  pathname: string;
}) {
  const headingId = title ? `nav-${title.replace(/\W+/g, "-").toLowerCase()}` : undefined;
  return (
    <div className="space-y-1">
      {title ? (
        <h2
          id={headingId}
          className="px-3 pt-4 text-xs font-bold uppercase tracking-wider text-fg-muted"
        >
          {title}
        </h2>
      ) : null}
      <ul className="space-y-0.5" aria-labelledby={headingId}>
        {items.map((item) => {
          const active = item.exact
            ? pathname === item.href
            : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md border-l-4 px-3 py-2 text-sm no-underline",
                  active
                    ? "border-accent bg-accent-soft font-semibold text-fg"
                    : "border-transparent text-fg hover:bg-surface-muted",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Sidebar navigation: the tenant side for the organisation in view, the admin side by platform role. */
export function SideNav({ nav }: { nav: NavData }) {
  const pathname = usePathname();
  const sections = sideNavSections(nav, organisationIdFromPath(pathname));
  return (
    <nav aria-label={t.nav.mainNavigation} className="space-y-2 p-3">
      {sections.map((section, index) => (
        <NavSection key={index} title={section.title} items={section.items} pathname={pathname} />
      ))}
    </nav>
  );
}
