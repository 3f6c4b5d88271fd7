"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@tessera/ui";
import { t, tb, tsa } from "@/i18n";
import { routes } from "@/lib/paths";
import { billingRoutes } from "@/components/billing/paths";
import { stateAidRoutes } from "@/components/state-aid/paths";
import {
  generalProgrammeItems,
  platformProgrammeItems,
  tenantProgrammeItems,
} from "@/components/programmes/nav-items";
import { platformWorkloadItems, tenantWorkloadItems } from "@/components/workloads/nav-items";
import { organisationIdFromPath, type NavData } from "./nav-data";

interface Item {
  href: string;
  label: string;
  /** Exact match only (overview pages would otherwise light up for every sub-page). */
  exact?: boolean;
}

function NavSection({
  title,
  items,
  pathname,
}: {
  title?: string;
  items: Item[];
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
  const currentId = organisationIdFromPath(pathname);
  const current = nav.organisations.find((o) => o.id === currentId);

  const general: Item[] = [{ href: routes.dashboard, label: t.nav.dashboard, exact: true }];
  if (!current)
    general.push({ href: routes.onboarding, label: t.nav.createOrganisation, exact: true });
  general.push(...generalProgrammeItems(nav.programmes, nav.organisations.length > 0));

  const tenant: Item[] = current
    ? [
        { href: routes.organisation(current.id), label: t.nav.overview, exact: true },
        { href: routes.projects(current.id), label: t.nav.projects },
        ...tenantWorkloadItems(current.id),
        ...tenantProgrammeItems(current.id),
        ...(current.canReadBilling
          ? [{ href: billingRoutes.billing(current.id), label: tb.nav.billing }]
          : []),
        { href: routes.members(current.id), label: t.nav.members },
        ...(current.canReadAudit ? [{ href: routes.audit(current.id), label: t.nav.audit }] : []),
        ...(current.canManage
          ? [{ href: routes.settings(current.id), label: t.nav.settings }]
          : []),
      ]
    : [];

  const platform: Item[] = [
    ...(nav.canReviewOrganisations
      ? [{ href: routes.adminOrganisations, label: t.nav.organisationReview }]
      : []),
    ...(nav.canReadAllAudit ? [{ href: routes.adminAudit, label: t.nav.auditAll }] : []),
    ...platformProgrammeItems(nav.programmes),
    ...(nav.canReadStateAid
      ? [{ href: stateAidRoutes.undertakings, label: tsa.nav.stateAid }]
      : []),
    ...platformWorkloadItems(nav.workloads),
  ];

  return (
    <nav aria-label={t.nav.mainNavigation} className="space-y-2 p-3">
      <NavSection items={general} pathname={pathname} />
      {current ? <NavSection title={current.name} items={tenant} pathname={pathname} /> : null}
      {platform.length ? (
        <NavSection title={t.nav.platform} items={platform} pathname={pathname} />
      ) : null}
      {nav.showOutbox ? (
        <NavSection
          title={t.nav.development}
          items={[{ href: routes.devOutbox, label: t.nav.devOutbox }]}
          pathname={pathname}
        />
      ) : null}
    </nav>
  );
}
