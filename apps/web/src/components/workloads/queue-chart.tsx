import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { tw } from "@/i18n";
import type { QueueStats } from "./types";

const PARTS = ["waiting", "active", "delayed", "failed"] as const;
type Part = (typeof PARTS)[number];

const FILL: Record<Part, string> = {
  waiting: "fill-accent",
  active: "fill-success-fg",
  delayed: "fill-warning-fg",
  failed: "fill-danger",
};

/** Where each part of a queue's bar starts and how wide it is, in per cent of the longest queue. */
function segments(queue: QueueStats, peak: number) {
  const widths = PARTS.map((part) => (queue[part] / peak) * 100);
  return PARTS.map((part, index) => ({
    part,
    x: widths.slice(0, index).reduce((sum, width) => sum + width, 0),
    width: widths[index] ?? 0,
  }));
}

function Swatch({ part }: { part: Part }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 10 10" className="size-3 shrink-0">
      <rect width="10" height="10" className={FILL[part]} />
    </svg>
  );
}

/**
 * Queue depths as horizontal stacked bars, one per queue, drawn as SVG (the Content-Security-
 * Policy allows no inline styles). Each bar has its numbers in words beside it, and the same
 * numbers are in the table below, so colour never carries them alone.
 */
export function QueueChart({ queues }: { queues: readonly QueueStats[] }) {
  const q = tw.operations.queues;
  const named = (queue: QueueStats) => q.names[queue.name] ?? queue.name;
  const total = (queue: QueueStats) => PARTS.reduce((sum, part) => sum + queue[part], 0);
  const peak = Math.max(1, ...queues.map(total));
  return (
    <div className="space-y-4">
      <figure className="space-y-3">
        <ul className="space-y-3" aria-label={q.chartLabel}>
          {queues.map((queue) => {
            const words = q.summary(queue.waiting, queue.active, queue.delayed, queue.failed);
            return (
              <li key={queue.name} data-testid={`queue-${queue.name}`}>
                <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                  <span className="font-semibold">{named(queue)}</span>
                  <span className="text-fg-muted">{words}</span>
                </p>
                <svg
                  role="img"
                  aria-label={q.barLabel(named(queue), words)}
                  viewBox="0 0 100 6"
                  preserveAspectRatio="none"
                  className="mt-1 h-3 w-full rounded-sm"
                >
                  <rect width="100" height="6" className="fill-surface-muted" />
                  {segments(queue, peak).map((segment) => (
                    <rect
                      key={segment.part}
                      x={segment.x}
                      y="0"
                      width={segment.width}
                      height="6"
                      className={FILL[segment.part]}
                    />
                  ))}
                </svg>
              </li>
            );
          })}
        </ul>
        <figcaption className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {PARTS.map((part) => (
            <span key={part} className="inline-flex items-center gap-2">
              <Swatch part={part} />
              {q[part]}
            </span>
          ))}
        </figcaption>
      </figure>
      <details>
        <summary className="cursor-pointer text-sm font-semibold">{q.asTable}</summary>
        <ScrollTable caption={q.caption} className="mt-2">
          <thead>
            <tr>
              <Th>{q.queue}</Th>
              {PARTS.map((part) => (
                <Th key={part} className="text-right">
                  {q[part]}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.name}>
                <Td>{named(queue)}</Td>
                {PARTS.map((part) => (
                  <Td key={part} className="text-right tabular-nums">
                    {queue[part]}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </details>
    </div>
  );
}
