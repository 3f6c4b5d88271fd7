import { Td, Th } from "@tessera/ui";
import { LineChart, type Stroke } from "@/components/line-chart";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatPreciseDateTime, te } from "@/i18n";
import type { EndpointSample } from "./types";

const STROKES = {
  ready: { className: "stroke-success-fg", strokeWidth: 3 },
  desired: { className: "stroke-accent", strokeWidth: 2, strokeDasharray: "6 4" },
} as const satisfies Record<string, Stroke>;

/** Rows the table behind the chart shows (the most recent). */
const TABLE_ROWS = 50;

/**
 * Replicas ready and wanted over the recorded samples, as a step chart with its figures in words
 * and the same numbers in a table behind it.
 */
export function ReplicaChart({ samples }: { samples: readonly EndpointSample[] }) {
  const c = te.chart;
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return <p className="text-fg-muted">{c.empty}</p>;
  const peak = Math.max(1, ...samples.map((s) => Math.max(s.ready, s.desired)));
  const summary = c.summary(
    samples.length,
    Math.max(...samples.map((s) => s.ready)),
    last.ready,
    last.desired,
  );
  return (
    <div className="space-y-4" data-testid="replica-chart">
      <LineChart
        label={c.label(summary)}
        peak={peak}
        steps
        series={[
          { label: c.ready, values: samples.map((s) => s.ready), stroke: STROKES.ready },
          { label: c.desired, values: samples.map((s) => s.desired), stroke: STROKES.desired },
        ]}
        topLabel={String(peak)}
        startLabel={formatPreciseDateTime(first.at)}
        endLabel={samples.length > 1 ? formatPreciseDateTime(last.at) : ""}
      />
      <p className="text-sm">{summary}</p>
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
            {samples
              .slice(-TABLE_ROWS)
              .reverse()
              .map((sample) => (
                <tr key={sample.at.toISOString()}>
                  <Td className="whitespace-nowrap">{formatPreciseDateTime(sample.at)}</Td>
                  <Td className="text-right tabular-nums">{sample.ready}</Td>
                  <Td className="text-right tabular-nums">{sample.desired}</Td>
                </tr>
              ))}
          </tbody>
        </ScrollTable>
      </details>
    </div>
  );
}
