"use client";

import { t } from "@/i18n";
import "./globals.css";

/** Last resort when the root layout itself fails: plain, with a way back. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas text-fg">
        <main className="mx-auto max-w-2xl space-y-4 px-4 py-10">
          <h1 className="text-3xl font-bold">{t.errors.errorTitle}</h1>
          <p>{t.errors.errorBody}</p>
          <p>
            <code>{error.digest ?? "—"}</code>
          </p>
          <p>
            <a href="/dashboard">{t.errors.notFoundAction}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
