import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@tessera/ui";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

export const metadata: Metadata = { title: t.errors.forbiddenTitle };

/**
 * A platform page refused (HTTP 403) to someone without its platform role: only the platform
 * areas' layouts call forbidden() (platformAreaLayout), so the words are about platform roles.
 * Nothing of the refused page is shown, not even its description. Tenant pages never come here:
 * a stranger to an organisation gets "not found".
 */
export default function PlatformForbidden() {
  return (
    <div className="max-w-2xl space-y-4" data-testid="forbidden">
      <h1 className="text-3xl font-bold">{t.errors.forbiddenTitle}</h1>
      <p className="text-lg text-fg-muted">{t.errors.platformForbiddenBody}</p>
      <Link href={routes.dashboard} className={buttonClassName("primary")}>
        {t.errors.notFoundAction}
      </Link>
    </div>
  );
}
