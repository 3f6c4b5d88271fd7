import { Timeline } from "@/components/timeline";
import { tw } from "@/i18n";
import { ReasonWords } from "./badges";
import type { WorkloadEventView } from "./types";

/** What happened to the job, oldest first: each status it reached, why (in words), and when. */
export function JobTimeline({ events }: { events: readonly WorkloadEventView[] }) {
  return (
    <Timeline
      testId="job-timeline"
      empty={tw.detail.timelineEmpty}
      entries={events.map((event) => ({
        id: event.id,
        status: event.status,
        createdAt: event.createdAt,
        message: event.message,
        heading: (
          <>
            {tw.status[event.status]}
            {event.reason && event.reason.toUpperCase() !== event.status ? (
              <span className="font-normal text-fg-muted" data-testid="timeline-reason">
                {" "}
                — <ReasonWords reason={event.reason} />
              </span>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
