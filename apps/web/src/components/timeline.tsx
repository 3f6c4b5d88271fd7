import type { ReactNode } from "react";
import { formatPreciseDateTime } from "@/i18n";

export interface TimelineEntry {
  id: string;
  /** The status reached, as a data attribute (tests and styles find entries by it). */
  status: string | null;
  /** What happened, in words. */
  heading: ReactNode;
  createdAt: Date;
  message: string | null;
}

/** What happened to a workload, oldest first: each entry in words, when, and its message. */
export function Timeline({
  entries,
  empty,
  testId,
}: {
  entries: readonly TimelineEntry[];
  empty: string;
  testId: string;
}) {
  if (entries.length === 0) return <p className="text-fg-muted">{empty}</p>;
  return (
    <ol className="relative space-y-5 border-l-2 border-line pl-5" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id} className="relative" data-status={entry.status ?? undefined}>
          <span
            aria-hidden="true"
            className="absolute -left-[1.72rem] top-1.5 size-3 rounded-full border-2 border-surface bg-accent"
          />
          <p className="font-semibold">{entry.heading}</p>
          <p className="text-sm text-fg-muted">
            <time dateTime={entry.createdAt.toISOString()}>
              {formatPreciseDateTime(entry.createdAt)}
            </time>
          </p>
          {entry.message ? (
            <p className="mt-1 whitespace-pre-line break-words">{entry.message}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
