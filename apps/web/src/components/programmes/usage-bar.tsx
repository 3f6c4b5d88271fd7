import { percentOf } from "./format";

export type BarTone = "accent" | "warning" | "success";

/** Each tone's fill, shared by the bar and the swatches of legends that explain it. */
export const TONE_FILL: Record<BarTone, string> = {
  accent: "fill-accent",
  warning: "fill-warning-fg",
  success: "fill-success-fg",
};

/** A small square of a bar's tone, for a legend beside the figure it stands for. */
export function ToneSwatch({ tone }: { tone: BarTone | "empty" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 10 10" className="inline-block h-3 w-3 shrink-0">
      <rect
        x="0"
        y="0"
        width="10"
        height="10"
        rx="2"
        className={tone === "empty" ? "fill-surface-muted stroke-line-strong" : TONE_FILL[tone]}
      />
    </svg>
  );
}

/**
 * A horizontal bar of parts of a whole (used, held, awarded…), drawn as SVG so that it needs no
 * inline styles (the Content-Security-Policy allows none). The label says in words what the bar
 * shows; colour is never the only carrier of the numbers, which are printed beside it.
 */
export function UsageBar({
  label,
  whole,
  parts,
}: {
  label: string;
  whole: number;
  parts: readonly { value: number; tone: BarTone }[];
}) {
  const widths = parts.map((part) => percentOf(part.value, whole));
  const segments = parts.map((part, index) => {
    const x = Math.min(
      widths.slice(0, index).reduce((sum, width) => sum + width, 0),
      100,
    );
    return { x, width: Math.min(widths[index] ?? 0, 100 - x), tone: part.tone };
  });
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      className="h-3 w-full min-w-24 overflow-hidden rounded-full"
    >
      <title>{label}</title>
      <rect x="0" y="0" width="100" height="10" className="fill-surface-muted stroke-line-strong" />
      {segments.map((segment, index) => (
        <rect
          key={index}
          x={segment.x}
          y="0"
          width={segment.width}
          height="10"
          className={TONE_FILL[segment.tone]}
        />
      ))}
    </svg>
  );
}
