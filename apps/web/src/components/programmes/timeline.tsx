import { formatDateTime, tp } from "@/i18n";
import type { ApplicationEvent } from "./types";

function label(event: ApplicationEvent): string {
  const words = tp.applications.detail.event;
  if (event.fromStatus === null && event.toStatus === "DRAFT") return words.created;
  if (event.fromStatus === "CHANGES_REQUESTED" && event.toStatus === "SUBMITTED")
    return words.RESUBMITTED;
  return words[event.toStatus];
}

/** Every state change of an application, oldest first, with who and when. */
export function ApplicationTimeline({ events }: { events: readonly ApplicationEvent[] }) {
  if (events.length === 0)
    return <p className="text-fg-muted">{tp.applications.detail.timelineEmpty}</p>;
  return (
    <ol className="relative space-y-5 border-l-2 border-line pl-5" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} className="relative" data-status={event.toStatus}>
          <span
            aria-hidden="true"
            className="absolute -left-[1.72rem] top-1.5 size-3 rounded-full border-2 border-surface bg-accent"
          />
          <p className="font-semibold">{label(event)}</p>
          <p className="text-sm text-fg-muted">
            <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>{" "}
            {tp.applications.detail.eventBy(event.actor?.name ?? tp.applications.detail.system)}
          </p>
          {event.note ? <p className="mt-1 whitespace-pre-line">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
