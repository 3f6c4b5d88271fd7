import { Td, Th } from "@tessera/ui";
import { formatDuration } from "@tessera/core/words";
import { LineChart, type Stroke } from "@/components/line-chart";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatPreciseDateTime, te } from "@/i18n";
import type { EndpointReplicas } from "./types";

const STROKES = {
  ready: { className: "stroke-success-fg", strokeWidth: 3 },
  desired: { className: "stroke-accent", strokeWidth: 2, strokeDasharray: "6 4" },
} as const satisfies Record<string, Stroke>;

/** Rows the table behind the chart shows (the most recent changes). */
const TABLE_ROWS = 50;

/**
 * Replicas ready and wanted over the last day (or an ended endpoint's last day), as a step chart
 * on a time axis — each count holds until it changes — with its figures in words and the changes
 * in a table behind it.
 */
export function ReplicaChart({ replicas }: { replicas: EndpointReplicas | null }) {
  const c = te.chart;
  const last = replicas?.points[replicas.points.length - 1];
  if (!replicas || !last) return <p className="text-fg-muted">{c.empty}</p>;
  const { from, to, points, live } = replicas;
  // The last counts hold until the chart's end: now, or when the endpoint ended.
  const drawn = last.at < to ? [...points, { ...last, at: to }] : points;
  const span = to.getTime() - from.getTime();
  const positions = drawn.map((p) => (span > 0 ? (p.at.getTime() - from.getTime()) / span : 0.5));
  const peak = Math.max(1, ...points.map((p) => Math.max(p.ready, p.desired)));
  const peakReady = Math.max(...points.map((p) => p.ready));
  const changes = points.length - 1;
  const spanText = formatDuration(span / 1000);
  const summary = live
    ? c.summary(spanText, peakReady, last.ready, last.desired, changes)
    : c.endedSummary(spanText, peakReady, changes);
  return (
    <div className="space-y-4" data-testid="replica-chart">
      <LineChart
        label={c.label(summary)}
        peak={peak}
        steps
        positions={positions}
        series={[
          { label: c.ready, values: drawn.map((p) => p.ready), stroke: STROKES.ready },
          { label: c.desired, values: drawn.map((p) => p.desired), stroke: STROKES.desired },
        ]}
        topLabel={String(peak)}
        startLabel={formatPreciseDateTime(from)}
        endLabel={live ? c.now : formatPreciseDateTime(to)}
      />
      <p className="text-sm" data-testid="replica-summary">
        {summary}
      </p>
      <details>
        <summary className="cursor-pointer text-sm font-semibold">{c.asTable}</summary>
        <ScrollTable caption={c.caption} className="mt-2">
          <thead>
            <tr>
              <Th>{c.at}</Th>
              <Th className="text-right">{c.ready}</Th>
              <Th className="text-right">{c.desired}</Th>
            </tr>
          </thead>
          <tbody>
            {points
              .slice(-TABLE_ROWS)
              .reverse()
              .map((point) => (
                <tr key={point.at.toISOString()}>
                  <Td className="whitespace-nowrap">{formatPreciseDateTime(point.at)}</Td>
                  <Td className="text-right tabular-nums">{point.ready}</Td>
                  <Td className="text-right tabular-nums">{point.desired}</Td>
                </tr>
              ))}
          </tbody>
        </ScrollTable>
      </details>
    </div>
  );
}
