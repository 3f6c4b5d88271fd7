import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@tessera/ui";
import { PublicFrame } from "@/components/public-frame";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

/** The document's title as well as its heading: "Page not found — Tessera". */
export const metadata: Metadata = { title: t.errors.notFoundTitle };

export default function NotFound() {
  return (
    <PublicFrame>
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t.errors.notFoundTitle}</h1>
        <p className="text-lg text-fg-muted">{t.errors.notFoundBody}</p>
        <Link href={routes.dashboard} className={buttonClassName("primary")}>
          {t.errors.notFoundAction}
        </Link>
      </div>
    </PublicFrame>
  );
}
