import { percentOf } from "./format";

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
  parts: readonly { value: number; tone: "accent" | "warning" | "success" }[];
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
          className={
            segment.tone === "accent"
              ? "fill-accent"
              : segment.tone === "warning"
                ? "fill-warning-fg"
                : "fill-success-fg"
          }
        />
      ))}
    </svg>
  );
}
