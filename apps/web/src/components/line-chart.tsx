const WIDTH = 600;
const HEIGHT = 200;

/** How a series is drawn: the same stroke in the chart and in its legend. */
export interface Stroke {
  className: string;
  strokeWidth: number;
  strokeDasharray?: string;
}

export interface LineSeries {
  label: string;
  /** One value per point; null where the series has no value (it is not drawn there). */
  values: readonly (number | null)[];
  stroke: Stroke;
}

function y(value: number, peak: number): number {
  return HEIGHT - (peak > 0 ? (value / peak) * HEIGHT : 0);
}

/**
 * The SVG path of one series; `steps` holds each value until the next (counts, not trends). A
 * null lifts the pen: the line starts again at the next value.
 */
function path(
  values: readonly (number | null)[],
  peak: number,
  steps: boolean,
  positions?: readonly number[],
): string {
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const xOf = (index: number) =>
    positions ? (positions[index] ?? 0) * WIDTH : values.length > 1 ? index * step : WIDTH / 2;
  let penDown = false;
  const parts: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      penDown = false;
      return;
    }
    const x = xOf(index).toFixed(1);
    const at = y(value, peak).toFixed(1);
    parts.push(!penDown ? `M${x},${at}` : steps ? `H${x} V${at}` : `L${x},${at}`);
    penDown = true;
  });
  return parts.join(" ");
}

/** Where each of the five axis labels sits (top, the three gridlines, bottom); no inline styles. */
const AXIS_POSITION = ["top-0", "top-1/4", "top-1/2", "top-3/4", "top-full"] as const;

/** Labels beside the gridlines, in HTML so that they stay legible when the drawing is scaled. */
function Axis({ labels }: { labels: readonly string[] }) {
  return (
    <div className="relative h-48 shrink-0 text-right text-xs text-fg-muted" aria-hidden="true">
      {/* The widest label, invisible, gives the column its width. */}
      <span className="invisible block whitespace-nowrap">
        {labels.reduce((wide, label) => (label.length > wide.length ? label : wide), "")}
      </span>
      {labels.slice(0, AXIS_POSITION.length).map((label, index) => (
        <span
          key={AXIS_POSITION[index]}
          className={`absolute right-0 -translate-y-1/2 whitespace-nowrap ${AXIS_POSITION[index]}`}
        >
          {label}
        </span>
      ))}
    </div>
  );
}

function LegendItem({ stroke, children }: { stroke: Stroke; children: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <svg aria-hidden="true" viewBox="0 0 24 6" className="h-2 w-6">
        <line x1="0" x2="24" y1="3" y2="3" {...stroke} />
      </svg>
      {children}
    </span>
  );
}

/**
 * A plain SVG line chart of a few series over the same points, with an optional level line (a
 * budget). Axis labels are HTML around the drawing so that they stay legible when it is scaled
 * to fit a phone; the label says the figures in words, and each page puts the same numbers in a
 * table beside it, so lines and colours never carry them alone. No inline styles (the
 * Content-Security-Policy allows none).
 */
export function LineChart({
  label,
  peak,
  series,
  level,
  offScale = [],
  topLabel,
  axis,
  startLabel,
  endLabel,
  steps = false,
  positions,
}: {
  label: string;
  peak: number;
  series: readonly LineSeries[];
  level?: { value: number; label: string; stroke: Stroke };
  /** Lines left out because they would be far above the scale: named in the legend instead. */
  offScale?: readonly { label: string; stroke: Stroke }[];
  /** The amount at the top, when the axis is not labelled in full. */
  topLabel?: string;
  /** Five labels, top first: the top, the three gridlines (¾, ½, ¼) and the bottom. */
  axis?: readonly string[];
  startLabel: string;
  endLabel: string;
  steps?: boolean;
  /**
   * Where each point sits across the chart, from 0 (its start) to 1 (its end), for points not
   * evenly spaced (times of changes); without it the points are spread evenly.
   */
  positions?: readonly number[];
}) {
  return (
    <figure className="space-y-2">
      {axis ? null : (
        <div className="flex justify-between text-xs text-fg-muted" aria-hidden="true">
          <span>{topLabel}</span>
        </div>
      )}
      <div className="flex gap-2">
        {axis ? <Axis labels={axis} /> : null}
        <svg
          role="img"
          aria-label={label}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-48 w-full min-w-0 rounded-md border border-line bg-surface"
        >
          <title>{label}</title>
          {[0.25, 0.5, 0.75].map((fraction) => (
            <line
              key={fraction}
              x1="0"
              x2={WIDTH}
              y1={HEIGHT * fraction}
              y2={HEIGHT * fraction}
              className="stroke-line"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {level ? (
            <line
              x1="0"
              x2={WIDTH}
              y1={y(level.value, peak)}
              y2={y(level.value, peak)}
              {...level.stroke}
              vectorEffect="non-scaling-stroke"
            />
          ) : null}
          {series.map((line) => (
            <path
              key={line.label}
              d={path(line.values, peak, steps, positions)}
              fill="none"
              {...line.stroke}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
      </div>
      <div className="flex justify-between text-xs text-fg-muted" aria-hidden="true">
        <span>{startLabel}</span>
        <span>{endLabel}</span>
      </div>
      <figcaption className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {series.map((line) => (
          <LegendItem key={line.label} stroke={line.stroke}>
            {line.label}
          </LegendItem>
        ))}
        {level ? <LegendItem stroke={level.stroke}>{level.label}</LegendItem> : null}
        {offScale.map((line) => (
          <LegendItem key={line.label} stroke={line.stroke}>
            {line.label}
          </LegendItem>
        ))}
      </figcaption>
    </figure>
  );
}
