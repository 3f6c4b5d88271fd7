"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@tessera/ui";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { VerificationBadge } from "../status-badge";
import type { NavOrganisation } from "./nav-data";
import { orgSwitcherView } from "./org-switcher-view";
import { useDisclosure } from "./use-disclosure";

type Variant = "header" | "panel";

/**
 * The organisation switcher (orgSwitcherView decides which): for a member of one organisation a
 * plain link naming it, with no menu to pretend there is a choice; for a member of several a
 * disclosure button with a list of links (not a select that navigates on change, which traps
 * keyboard users), closing on Escape, outside click and navigation. Nothing for a person of none.
 */
export function OrgSwitcher({
  organisations,
  variant = "header",
}: {
  organisations: NavOrganisation[];
  variant?: Variant;
}) {
  const pathname = usePathname();
  const view = orgSwitcherView(organisations, pathname);
  if (!view) return null;
  if (view.kind === "single") {
    const href = routes.organisation(view.organisation.id);
    return (
      <Link
        href={href}
        aria-current={pathname === href ? "page" : undefined}
        title={view.organisation.name}
        className={cn(
          "flex max-w-[24rem] items-center gap-2 rounded-md px-1 py-1.5 text-sm no-underline hover:underline",
          variant === "header" ? "text-header-fg" : "text-fg",
        )}
        data-testid="organisation-name"
      >
        <span className={variant === "header" ? "text-header-muted" : "text-fg-muted"}>
          {t.header.switcherLabel}:
        </span>
        <span className="truncate font-semibold">{view.organisation.name}</span>
      </Link>
    );
  }
  return <OrgMenu organisations={organisations} current={view.current} variant={variant} />;
}

function OrgMenu({
  organisations,
  current,
  variant,
}: {
  organisations: NavOrganisation[];
  current: NavOrganisation | null;
  variant: Variant;
}) {
  const { rootRef, buttonProps, panelProps } = useDisclosure();
  const buttonClass =
    variant === "header"
      ? "border-header-muted/60 text-header-fg hover:bg-white/10"
      : "border-line-strong bg-surface text-fg hover:bg-surface-muted";

  return (
    <div ref={rootRef} className="relative">
      <button
        {...buttonProps}
        className={cn(
          "flex max-w-[24rem] items-center gap-2 rounded-md border px-3 py-1.5 text-sm",
          buttonClass,
        )}
      >
        <span className={variant === "header" ? "text-header-muted" : "text-fg-muted"}>
          {t.header.switcherLabel}:
        </span>
        <span className="truncate font-semibold">{current?.name ?? t.header.switcherNone}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        {...panelProps}
        className="absolute left-0 z-40 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-line bg-surface p-1 text-fg shadow-lg"
      >
        <ul>
          {organisations.map((organisation) => (
            <li key={organisation.id}>
              <Link
                href={routes.organisation(organisation.id)}
                aria-current={organisation.id === current?.id ? "true" : undefined}
                className="flex items-center justify-between gap-2 rounded px-3 py-2 text-sm text-fg no-underline hover:bg-surface-muted"
              >
                <span
                  className={cn("truncate", organisation.id === current?.id && "font-semibold")}
                >
                  {organisation.name}
                </span>
                <VerificationBadge status={organisation.status} />
              </Link>
            </li>
          ))}
        </ul>
        <ul className="mt-1 border-t border-line pt-1">
          <li>
            <Link
              href={routes.dashboard}
              className="block rounded px-3 py-2 text-sm text-link hover:bg-surface-muted"
            >
              {t.header.switcherAll}
            </Link>
          </li>
          <li>
            <Link
              href={routes.onboarding}
              className="block rounded px-3 py-2 text-sm text-link hover:bg-surface-muted"
            >
              {t.nav.createOrganisation}
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
