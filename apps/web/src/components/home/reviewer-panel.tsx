import Link from "next/link";
import { programmeRoutes } from "@/components/programmes/paths";
import { formatDate, th } from "@/i18n";
import type { ReviewerHome } from "./types";

/** A reviewer's part of the home page: the reviews still waiting for them. */
export function ReviewerPanel({ home }: { home: ReviewerHome }) {
  const r = th.home.reviewer;
  return (
    <section aria-labelledby="reviewer-heading" className="space-y-3" data-testid="reviewer-home">
      <h2 id="reviewer-heading" className="text-xl font-semibold">
        {r.heading}{" "}
        <span className="tabular-nums" data-testid="reviews-waiting-count">
          ({home.waiting.length}
          {home.moreWaiting ? "+" : ""})
        </span>
      </h2>
      {home.waiting.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">{r.none}</p>
      ) : (
        <ul className="space-y-2">
          {home.waiting.map((review) => (
            <li key={review.id} className="rounded-lg border border-line bg-surface px-4 py-3">
              <Link
                href={programmeRoutes.review(review.id)}
                className="font-semibold text-link underline"
              >
                {review.application.title}
              </Link>
              <p className="text-sm text-fg-muted">
                {review.application.organization.name} · {review.application.programme.name} ·{" "}
                {r.assigned(formatDate(review.createdAt))}
              </p>
            </li>
          ))}
        </ul>
      )}
      {home.moreWaiting ? (
        <Link href={programmeRoutes.reviews} className="text-link underline">
          {r.more}
        </Link>
      ) : null}
    </section>
  );
}
