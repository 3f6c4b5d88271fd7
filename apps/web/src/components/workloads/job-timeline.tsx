import { formatPreciseDateTime, tw } from "@/i18n";
import { ReasonWords } from "./badges";
import type { WorkloadEventView } from "./types";

/** What happened to the job, oldest first: each status it reached, why (in words), and when. */
export function JobTimeline({ events }: { events: readonly WorkloadEventView[] }) {
  if (events.length === 0) return <p className="text-fg-muted">{tw.detail.timelineEmpty}</p>;
  return (
    <ol className="relative space-y-5 border-l-2 border-line pl-5" data-testid="job-timeline">
      {events.map((event) => (
        <li key={event.id} className="relative" data-status={event.status}>
          <span
            aria-hidden="true"
            className="absolute -left-[1.72rem] top-1.5 size-3 rounded-full border-2 border-surface bg-accent"
          />
          <p className="font-semibold">
            {tw.status[event.status]}
            {event.reason && event.reason.toUpperCase() !== event.status ? (
              <span className="font-normal text-fg-muted" data-testid="timeline-reason">
                {" "}
                — <ReasonWords reason={event.reason} />
              </span>
            ) : null}
          </p>
          <p className="text-sm text-fg-muted">
            <time dateTime={event.createdAt.toISOString()}>
              {formatPreciseDateTime(event.createdAt)}
            </time>
          </p>
          {event.message ? (
            <p className="mt-1 whitespace-pre-line break-words">{event.message}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
