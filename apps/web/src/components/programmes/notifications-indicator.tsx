import Link from "next/link";
import { tp } from "@/i18n";
import { programmeRoutes } from "./paths";

/** The header's link to the notifications, with the unread count in words as well as a number. */
export function NotificationsIndicator({ unread }: { unread: number }) {
  return (
    <Link
      href={programmeRoutes.notifications}
      className="inline-flex items-center gap-2 rounded-md border border-header-muted/60 px-3 py-1.5 text-sm font-semibold text-header-fg no-underline hover:bg-white/10"
      data-testid="notifications-indicator"
    >
      <span>{tp.nav.notifications}</span>
      {unread > 0 ? (
        <span className="rounded-full bg-header-fg px-2 text-xs font-bold text-header">
          {unread}
          <span className="sr-only"> {tp.nav.unread}</span>
        </span>
      ) : null}
    </Link>
  );
}
