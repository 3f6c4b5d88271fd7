"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { cn } from "@tessera/ui";
import { signOutAction } from "@/app/actions";
import { t } from "@/i18n";
import { routes, type ThemeChoice } from "@/lib/paths";
import { NotificationsIndicator } from "../programmes/notifications-indicator";
import { ThemeSelect } from "../theme-select";
import type { NavData, ShellUser } from "./nav-data";
import { OrgSwitcher } from "./org-switcher";
import { SideNav } from "./side-nav";

function Brand() {
  return (
    <Link href={routes.dashboard} className="flex items-center gap-2 text-header-fg no-underline">
      <span aria-hidden="true" className="grid size-8 grid-cols-2 gap-0.5 rounded bg-white/10 p-1">
        <span className="rounded-sm bg-[#8fb0ff]" />
        <span className="rounded-sm bg-white/70" />
        <span className="rounded-sm bg-white/70" />
        <span className="rounded-sm bg-[#8fb0ff]" />
      </span>
      <span className="leading-tight">
        <span className="block text-lg font-bold tracking-tight">{t.meta.appName}</span>
        <span className="hidden text-xs text-header-muted sm:block">{t.meta.appTagline}</span>
      </span>
    </Link>
  );
}

function UserBlock({ user, tone }: { user: ShellUser; tone: "header" | "panel" }) {
  return (
    <div className="min-w-0 text-sm leading-tight" data-testid="signed-in-user">
      <span className="sr-only">{t.header.signedInAs} </span>
      <span
        className={cn(
          "block truncate font-semibold",
          tone === "header" ? "text-header-fg" : "text-fg",
        )}
      >
        {user.name}
      </span>
      <span
        className={cn("block truncate", tone === "header" ? "text-header-muted" : "text-fg-muted")}
      >
        {user.platformRoles.length
          ? user.platformRoles.map((role) => t.platformRoles[role] ?? role).join(", ")
          : user.email}
      </span>
    </div>
  );
}

function SignOutButton({ tone }: { tone: "header" | "panel" }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className={cn(
          "rounded-md border px-3 py-1.5 text-sm font-semibold",
          tone === "header"
            ? "border-header-muted/60 text-header-fg hover:bg-white/10"
            : "border-line-strong bg-surface text-fg hover:bg-surface-muted",
        )}
      >
        {t.header.signOut}
      </button>
    </form>
  );
}

/**
 * The signed-in frame: header (brand, organisation switcher, theme, persona, sign-out), sidebar by
 * role, and the page. Below the md breakpoint the sidebar and header controls fold into a menu.
 */
export function AppShell({
  user,
  nav,
  theme,
  children,
}: {
  user: ShellUser;
  nav: NavData;
  theme: ThemeChoice;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // The menu is open for the page it was opened on; navigating closes it without an effect.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-header text-header-fg">
        <div className="flex items-center gap-3 px-4 py-2.5">
          <button
            type="button"
            className="rounded-md border border-header-muted/60 px-3 py-1.5 text-sm font-semibold md:hidden"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            {menuOpen ? t.nav.closeMenu : t.nav.menu}
          </button>
          <Brand />
          <div className="ml-4 hidden md:block">
            <OrgSwitcher organisations={nav.organisations} />
          </div>
          <div className="ml-auto hidden items-center gap-4 md:flex">
            <NotificationsIndicator unread={nav.programmes.unreadNotifications} />
            <ThemeSelect initial={theme} />
            <UserBlock user={user} tone="header" />
            <SignOutButton tone="header" />
          </div>
        </div>
      </header>

      <div className="flex flex-1">
        <aside
          id="app-menu"
          className={cn(
            "w-full border-r border-line bg-surface md:block md:w-64 md:shrink-0",
            menuOpen
              ? "absolute inset-x-0 top-[3.25rem] z-30 block shadow-lg md:static md:shadow-none"
              : "hidden",
          )}
        >
          <div className="space-y-3 border-b border-line p-3 md:hidden">
            <UserBlock user={user} tone="panel" />
            <OrgSwitcher organisations={nav.organisations} variant="panel" />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <ThemeSelect initial={theme} tone="plain" />
              <SignOutButton tone="panel" />
            </div>
          </div>
          <SideNav nav={nav} />
        </aside>
        <main
          id="main-content"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 sm:px-8 focus:outline-none"
        >
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
