"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@tessera/ui";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { VerificationBadge } from "../status-badge";
import { organisationIdFromPath, type NavOrganisation } from "./nav-data";
import { useDisclosure } from "./use-disclosure";

/**
 * The organisation switcher: a disclosure button with a list of links (not a select that
 * navigates on change, which traps keyboard users). Closes on Escape, outside click and navigation.
 * Shown only to members of an organisation: with none there is nothing to switch between.
 */
export function OrgSwitcher({
  organisations,
  variant = "header",
}: {
  organisations: NavOrganisation[];
  variant?: "header" | "panel";
}) {
  const pathname = usePathname();
  const { rootRef, buttonProps, panelProps } = useDisclosure();
  const current = organisations.find((o) => o.id === organisationIdFromPath(pathname));

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
