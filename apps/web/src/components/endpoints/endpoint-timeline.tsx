import { Timeline } from "@/components/timeline";
import { te } from "@/i18n";
import { EndpointReasonWords } from "./badges";
import type { EndpointEvent } from "./types";

/** What happened to the endpoint, oldest first: each state it reached or change asked, and when. */
export function EndpointTimeline({ events }: { events: readonly EndpointEvent[] }) {
  return (
    <Timeline
      testId="endpoint-timeline"
      empty={te.detail.timelineEmpty}
      entries={events.map((event) => ({
        id: event.id,
        status: event.status,
        createdAt: event.createdAt,
        message: event.message,
        heading: (
          <>
            {event.status ? te.status[event.status] : null}
            {event.reason ? (
              <span className="font-normal text-fg-muted">
                {event.status ? " — " : null}
                <EndpointReasonWords reason={event.reason} />
              </span>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
