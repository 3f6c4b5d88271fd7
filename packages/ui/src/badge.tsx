import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const TONE_CLASSES: Record<Tone, string> = {
  neutral: "bg-neutral-bg text-neutral-fg border-neutral-fg/30",
  info: "bg-info-bg text-info-fg border-info-fg/30",
  success: "bg-success-bg text-success-fg border-success-fg/30",
  warning: "bg-warning-bg text-warning-fg border-warning-fg/30",
  danger: "bg-danger-bg text-danger-text border-danger-text/30",
};

const TONE_MARK: Record<Tone, string> = {
  neutral: "○",
  info: "◔",
  success: "✓",
  warning: "!",
  danger: "✕",
};

export function toneClasses(tone: Tone): string {
  return TONE_CLASSES[tone];
}

/**
 * A status badge: colour plus a word (and a small mark), never colour alone. Callers pass the
 * word; the mapping from a status to tone and word lives with the app's messages.
 */
export function Badge({
  tone,
  children,
  className,
  mark = true,
}: {
  tone: Tone;
  children: ReactNode;
  className?: string;
  /** The small symbol before the word; off for labels that are not statuses. */
  mark?: boolean;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide",
        TONE_CLASSES[tone],
        className,
      )}
    >
      {mark ? <span aria-hidden="true">{TONE_MARK[tone]}</span> : null}
      <span>{children}</span>
    </span>
  );
}
