import Link from "next/link";
import type { ReactNode } from "react";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

/** The frame of pages seen before signing in: a plain header and the page. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col">
      <header className="bg-header text-header-fg">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-3">
          <Link href={routes.home} className="flex items-center gap-2 text-header-fg no-underline">
            <span
              aria-hidden="true"
              className="grid size-8 grid-cols-2 gap-0.5 rounded bg-white/10 p-1"
            >
              <span className="rounded-sm bg-[#8fb0ff]" />
              <span className="rounded-sm bg-white/70" />
              <span className="rounded-sm bg-white/70" />
              <span className="rounded-sm bg-[#8fb0ff]" />
            </span>
            <span className="leading-tight">
              <span className="block text-lg font-bold tracking-tight">{t.meta.appName}</span>
              <span className="block text-xs text-header-muted">{t.meta.appTagline}</span>
            </span>
          </Link>
        </div>
      </header>
      <main
        id="main-content"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none"
      >
        {children}
      </main>
    </div>
  );
}
