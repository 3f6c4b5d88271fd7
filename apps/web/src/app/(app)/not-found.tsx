import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@tessera/ui";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

/** The document's title as well as its heading: "Page not found — Tessera". */
export const metadata: Metadata = { title: t.errors.notFoundTitle };

/**
 * "Not found" inside the signed-in portal: the portal's header and navigation stay around it
 * (from the layout), so this renders only the content — never a second header. The answer is
 * HTTP 404, for a bad id and for something the person may not see alike.
 */
export default function NotFoundInPortal() {
  return (
    <div className="max-w-2xl space-y-4" data-testid="not-found">
      <h1 className="text-3xl font-bold">{t.errors.notFoundTitle}</h1>
      <p className="text-lg text-fg-muted">{t.errors.notFoundBody}</p>
      <Link href={routes.dashboard} className={buttonClassName("primary")}>
        {t.errors.notFoundAction}
      </Link>
    </div>
  );
}
