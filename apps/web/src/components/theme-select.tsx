"use client";

import { useState } from "react";
import { t } from "@/i18n";
import { THEME_COOKIE, type ThemeChoice } from "@/lib/paths";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Light, dark, or follow the system; remembered in a cookie so the server renders it next time. */
export function ThemeSelect({
  initial,
  tone = "header",
}: {
  initial: ThemeChoice;
  tone?: "header" | "plain";
}) {
  const [choice, setChoice] = useState<ThemeChoice>(initial);

  function choose(next: ThemeChoice) {
    setChoice(next);
    const root = document.documentElement;
    if (next === "system") delete root.dataset.theme;
    else root.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
  }

  const selectClass =
    tone === "header"
      ? "rounded-md border border-header-muted/60 bg-header px-2 py-1 text-sm text-header-fg"
      : "rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-fg";

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className={tone === "header" ? "text-header-muted" : "text-fg-muted"}>
        {t.header.theme}
      </span>
      <select
        className={selectClass}
        value={choice}
        onChange={(event) => choose(event.target.value as ThemeChoice)}
        data-testid="theme-select"
      >
        <option value="system">{t.header.themeSystem}</option>
        <option value="light">{t.header.themeLight}</option>
        <option value="dark">{t.header.themeDark}</option>
      </select>
    </label>
  );
}
