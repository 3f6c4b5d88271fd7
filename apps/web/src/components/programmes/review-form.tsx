"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button } from "@tessera/ui";
import { RadioGroupField, TextAreaField } from "@/components/form/fields";
import { FormFeedback, SavedNotice } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { formatDateTime, tp } from "@/i18n";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";
import type { MyReview } from "./types";
import { visibleLength } from "@tessera/core/text";

const SCORES = [1, 2, 3, 4, 5] as const;
const IDS = {
  conflict: "conflict-no",
  reason: "conflict-reason",
  score: "score-1",
  comment: "score-comment",
} as const;

/**
 * The reviewer's part: first say whether there is a conflict of interest; without one, score
 * 1–5 with a comment (revisable until the decision); with one, describe it — and scoring ends.
 */
export function ReviewForm({ review }: { review: MyReview }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const r = tp.reviews;
  const [answer, setAnswer] = useState<"no" | "yes" | null>(review.score !== null ? "no" : null);
  const feedback = useFormFeedback(IDS, refresh);
  const [score, setScore] = useState<number | null>(review.score);
  const [comment, setComment] = useState(review.comment ?? "");
  const [reason, setReason] = useState("");
  const onError = (error: unknown) => feedback.showError(error);
  const declare = useMutation(
    trpc.reviews.declareConflict.mutationOptions({
      onSuccess: () => feedback.save(r.conflictDeclared),
      onError,
    }),
  );
  const submitScore = useMutation(
    trpc.reviews.score.mutationOptions({
      onSuccess: () => feedback.save(r.scored),
      onError,
    }),
  );

  if (review.state === "CONFLICT") {
    return (
      <div className="space-y-3" data-testid="review-conflict">
        <SavedNotice message={feedback.saved} />
        <Alert tone="warning" title={r.conflictShown}>
          {review.conflictReason ? <p>{review.conflictReason}</p> : null}
          {review.conflictDeclaredAt ? (
            <p className="mt-1 text-fg-muted">{formatDateTime(review.conflictDeclaredAt)}</p>
          ) : null}
        </Alert>
        <p className="font-semibold">{r.cannotScore}</p>
      </div>
    );
  }

  const scored =
    review.score !== null && review.scoredAt ? (
      <p className="font-semibold" data-testid="your-score">
        {r.yourScore(review.score, formatDateTime(review.scoredAt))}
      </p>
    ) : null;

  if (!review.actions.score && !review.actions.declareConflict) {
    return (
      <div className="space-y-3">
        {scored}
        <p className="text-fg-muted">
          {review.state === "CLOSED" || review.score !== null ? r.closed : r.notYet}
        </p>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks = formChecks(IDS);
    if (answer === null) checks.add("conflict", r.required.conflict);
    // Counted as the server counts them: characters a reader can see (invisible ones do not).
    if (answer === "yes" && visibleLength(reason) < 5) checks.add("reason", r.required.reason);
    if (answer === "no") {
      if (score === null) checks.add("score", r.required.score);
      const given = visibleLength(comment);
      if (given === 0 && comment.trim() !== "") checks.add("comment", r.required.commentInvisible);
      else if (given < 10) checks.add("comment", r.required.comment);
    }
    if (!feedback.start(checks.errors)) return;
    if (answer === "yes") declare.mutate({ reviewId: review.id, reason: reason.trim() });
    else if (score !== null)
      submitScore.mutate({ reviewId: review.id, score, comment: comment.trim() });
  }

  const e = feedback.errors.fields;
  return (
    <form noValidate onSubmit={submit} className="space-y-5" aria-label={r.yourReview}>
      <FormFeedback errors={feedback.errors} saved={feedback.saved} />
      {scored}
      <RadioGroupField
        name="conflict"
        legend={r.conflictQuestion}
        hint={r.conflictHint}
        error={e.conflict}
        options={[
          { value: "no", label: r.conflictNo },
          { value: "yes", label: r.conflictYes },
        ]}
        value={answer}
        onChange={setAnswer}
      />

      {answer === "yes" ? (
        <>
          <TextAreaField
            id={IDS.reason}
            label={r.conflictReason}
            hint={r.conflictReasonHint}
            error={e.reason}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" variant="danger" busy={declare.isPending}>
            {r.declareConflict}
          </Button>
        </>
      ) : null}

      {answer === "no" && !review.actions.score ? (
        <p className="text-fg-muted">{review.state === "ON_HOLD" ? r.onHold : r.notYet}</p>
      ) : null}

      {answer === "no" && review.actions.score ? (
        <>
          <RadioGroupField
            name="score"
            legend={r.score}
            hint={r.scoreHint}
            error={e.score}
            options={SCORES.map((value) => ({ value, label: r.scoreLabels[value] }))}
            value={score}
            onChange={setScore}
          />
          <TextAreaField
            id={IDS.comment}
            label={r.comment}
            hint={r.commentHint}
            error={e.comment}
            rows={5}
            maxLength={5000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <Button type="submit" busy={submitScore.isPending}>
            {review.score === null ? r.submitScore : r.updateScore}
          </Button>
        </>
      ) : null}
    </form>
  );
}
