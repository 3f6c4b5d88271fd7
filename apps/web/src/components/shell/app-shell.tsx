"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@tessera/ui";
import { signOutAction } from "@/app/actions";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, th } from "@/i18n";
import { routes, type ThemeChoice } from "@/lib/paths";
import { NotificationsIndicator } from "../programmes/notifications-indicator";
import { ThemeSelect } from "../theme-select";
import type { NavData, ShellUser } from "./nav-data";
import { OrgSwitcher } from "./org-switcher";
import { SideNav } from "./side-nav";
import { useDisclosure } from "./use-disclosure";

/** The narrow screen's menu (the sidebar and the header's controls), named by its button. */
const MENU_ID = "app-menu";

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

/** Who is signed in, in full: name, address and platform roles, wrapped rather than cut. */
function UserBlock({ user, testId }: { user: ShellUser; testId?: string }) {
  return (
    <div className="min-w-0 space-y-0.5 text-sm leading-tight" data-testid={testId}>
      <span className="sr-only">{t.header.signedInAs} </span>
      <span className="block break-words font-semibold text-fg">{user.name}</span>
      {user.email && user.email !== user.name ? (
        <span className="block break-all text-fg-muted" data-testid="signed-in-email">
          {user.email}
        </span>
      ) : null}
      {user.platformRoles.length ? (
        <span className="block text-fg-muted">
          {user.platformRoles.map((role) => t.platformRoles[role] ?? role).join(", ")}
        </span>
      ) : null}
    </div>
  );
}

function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-semibold text-fg hover:bg-surface-muted"
      >
        {t.header.signOut}
      </button>
    </form>
  );
}

/**
 * The header's account menu: the person's name on the button (cut short when long; the button's
 * accessible name and the menu hold it in full), and in the menu the address, the platform roles,
 * the notification settings and signing out — so that a long address never crowds the header.
 */
function AccountMenu({ user }: { user: ShellUser }) {
  const { rootRef, buttonProps, panelProps } = useDisclosure();
  return (
    <div ref={rootRef} className="relative min-w-0">
      <button
        {...buttonProps}
        title={user.email && user.email !== user.name ? `${user.name} (${user.email})` : user.name}
        className="flex max-w-[14rem] items-center gap-2 rounded-md border border-header-muted/60 px-3 py-1.5 text-sm text-header-fg hover:bg-white/10"
        data-testid="signed-in-user"
      >
        <span className="sr-only">{t.header.signedInAs} </span>
        <span className="truncate font-semibold">{user.name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        {...panelProps}
        className="absolute right-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] space-y-3 rounded-md border border-line bg-surface p-3 text-fg shadow-lg"
        data-testid="account-menu"
      >
        <UserBlock user={user} />
        <ul className="border-t border-line pt-2">
          <li>
            <Link
              href={programmeRoutes.notificationSettings}
              className="block rounded py-1 text-sm text-link underline"
            >
              {th.preferences.title}
            </Link>
          </li>
        </ul>
        <SignOutButton />
      </div>
    </div>
  );
}

/**
 * The signed-in frame: header (brand, organisation switcher for members of one, notifications,
 * theme, account menu with sign-out), sidebar by role, and the page. Below the md breakpoint the
 * sidebar and header controls fold into a menu.
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
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const hasOrganisations = nav.organisations.length > 0;

  // Escape closes the open menu and puts the focus back on its button; a disclosure open inside
  // it (the organisation switcher) closes first, on its own Escape.
  useEffect(() => {
    if (!menuOpen) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      if (document.querySelector(`#${MENU_ID} [aria-expanded="true"]`)) return;
      setMenuOpenAt(null);
      menuButtonRef.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <div className="flex flex-1 flex-col">
      <header className="bg-header text-header-fg">
        <div className="flex items-center gap-3 px-4 py-2.5">
          <button
            ref={menuButtonRef}
            type="button"
            className="rounded-md border border-header-muted/60 px-3 py-1.5 text-sm font-semibold md:hidden"
            aria-expanded={menuOpen}
            aria-controls={MENU_ID}
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            {menuOpen ? t.nav.closeMenu : t.nav.menu}
          </button>
          <Brand />
          {hasOrganisations ? (
            <div className="ml-4 hidden min-w-0 md:block">
              <OrgSwitcher organisations={nav.organisations} />
            </div>
          ) : null}
          <div className="ml-auto hidden shrink-0 items-center gap-4 md:flex">
            <NotificationsIndicator unread={nav.programmes.unreadNotifications} />
            <ThemeSelect initial={theme} />
            <AccountMenu user={user} />
          </div>
        </div>
      </header>

      <div className="flex flex-1">
        <aside
          id={MENU_ID}
          className={cn(
            "w-full border-r border-line bg-surface md:block md:w-64 md:shrink-0",
            menuOpen
              ? "absolute inset-x-0 top-[3.25rem] z-30 block shadow-lg md:static md:shadow-none"
              : "hidden",
          )}
        >
          <div className="space-y-3 border-b border-line p-3 md:hidden">
            <UserBlock user={user} testId="signed-in-user" />
            {hasOrganisations ? (
              <OrgSwitcher organisations={nav.organisations} variant="panel" />
            ) : null}
            <div className="flex flex-wrap items-center justify-between gap-2">
              <ThemeSelect initial={theme} tone="plain" />
              <SignOutButton />
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
