"use client";

import Link from "next/link";
import { Button, buttonClassName } from "@tessera/ui";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

/** Shown for unexpected failures; never the error itself, only a reference for the support team. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main-content" className="mx-auto max-w-2xl space-y-4 px-4 py-10">
      <h1 className="text-3xl font-bold">{t.errors.errorTitle}</h1>
      <p className="text-lg text-fg-muted">{t.errors.errorBody}</p>
      <p>
        <code className="rounded bg-surface-muted px-2 py-1 font-mono">{error.digest ?? "—"}</code>
      </p>
      <div className="flex flex-wrap gap-3">
        <Button onClick={reset}>{t.errors.retry}</Button>
        <Link href={routes.dashboard} className={buttonClassName("secondary")}>
          {t.errors.notFoundAction}
        </Link>
      </div>
    </main>
  );
}
