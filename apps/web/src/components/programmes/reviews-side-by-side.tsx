import { Badge } from "@tessera/ui";
import { formatDateTime, tp } from "@/i18n";
import type { ApplicationForAdmin } from "./types";

/** Every reviewer's score, comment or conflict side by side, with the mean of the scores. */
export function ReviewsSideBySide({ application }: { application: ApplicationForAdmin }) {
  const r = tp.decision;
  const { reviews, reviewSummary } = application;
  if (reviews.length === 0)
    return (
      <p className="text-fg-muted" data-testid="review-summary">
        {r.noReviewersAssigned(application.status)}
      </p>
    );
  return (
    <div className="space-y-4">
      <p className="font-semibold" data-testid="review-summary">
        {tp.dashboard.reviewSummary(reviewSummary, application.status)}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2" aria-label={r.scoresCaption}>
        {reviews.map((review) => {
          const name = review.reviewer.name ?? review.reviewer.email ?? "";
          return (
            <li
              key={review.id}
              className="min-w-0 space-y-2 rounded-lg border border-line p-4 [overflow-wrap:anywhere]"
              data-testid={`review-${review.reviewer.email ?? review.id}`}
            >
              <p className="font-semibold">{name}</p>
              {review.conflictDeclaredAt ? (
                <>
                  <Badge tone="warning">{r.conflict}</Badge>
                  <p className="text-sm">
                    <span className="font-semibold">{r.conflictReason}:</span>{" "}
                    {review.conflictReason}
                  </p>
                  <p className="text-sm text-fg-muted">
                    {formatDateTime(review.conflictDeclaredAt)}
                  </p>
                </>
              ) : review.score === null ? (
                <Badge tone="neutral">{r.notScored}</Badge>
              ) : (
                <>
                  <p className="text-3xl font-bold tabular-nums" data-testid="review-score">
                    {r.scoreOf(review.score)}
                  </p>
                  {review.comment ? (
                    <p className="text-sm">
                      <span className="font-semibold">{r.comment}:</span> {review.comment}
                    </p>
                  ) : null}
                  {review.scoredAt ? (
                    <p className="text-sm text-fg-muted">{formatDateTime(review.scoredAt)}</p>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
