import { formatPreciseDateTime, te } from "@/i18n";
import { EndpointReasonWords } from "./badges";
import type { EndpointEvent } from "./types";

/** What happened to the endpoint, oldest first: each state it reached or change asked, and when. */
export function EndpointTimeline({ events }: { events: readonly EndpointEvent[] }) {
  if (events.length === 0) return <p className="text-fg-muted">{te.detail.timelineEmpty}</p>;
  return (
    <ol className="relative space-y-5 border-l-2 border-line pl-5" data-testid="endpoint-timeline">
      {events.map((event) => (
        <li key={event.id} className="relative" data-status={event.status ?? undefined}>
          <span
            aria-hidden="true"
            className="absolute -left-[1.72rem] top-1.5 size-3 rounded-full border-2 border-surface bg-accent"
          />
          <p className="font-semibold">
            {event.status ? te.status[event.status] : null}
            {event.reason ? (
              <span className="font-normal text-fg-muted">
                {event.status ? " — " : null}
                <EndpointReasonWords reason={event.reason} />
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
