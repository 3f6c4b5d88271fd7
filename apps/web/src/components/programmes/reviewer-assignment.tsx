"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@tessera/ui";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { SelectField } from "@/components/form/fields";
import { useRefresh } from "@/components/forms/use-refresh";
import { tp } from "@/i18n";
import { useTRPC } from "@/trpc/react";

interface Reviewer {
  id: string;
  name: string | null;
  email: string | null;
  pendingReviews: number;
}

/** Assigns reviewers from the panel (users with the reviewer role) and removes them again. */
export function ReviewerAssignment({
  applicationId,
  assigned,
  available,
  canAssign,
  status,
}: {
  applicationId: string;
  /** The application's status: a decided one says it went without reviews, not "yet". */
  status: string;
  assigned: readonly { reviewId: string; name: string; email: string }[];
  available: readonly Reviewer[];
  canAssign: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const r = tp.decision;
  const [reviewerId, setReviewerId] = useState("");
  const outcome = useNotice(refresh);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const assign = useMutation(trpc.reviews.admin.assign.mutationOptions());
  const unassign = useMutation(trpc.reviews.admin.unassign.mutationOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    outcome.clear();
    if (!reviewerId) {
      setFieldError(r.reviewerRequired);
      return;
    }
    setFieldError(undefined);
    assign.mutate(
      { applicationId, reviewerId },
      {
        onSuccess: (review) => {
          setReviewerId("");
          outcome.succeed(r.assigned(review.reviewer.name ?? review.reviewer.email ?? ""));
        },
        onError: outcome.fail,
      },
    );
  }

  return (
    <div className="space-y-4">
      <ActionNotice notice={outcome.notice} />
      {assigned.length === 0 ? (
        <p className="text-fg-muted">{r.noReviewersAssigned(status)}</p>
      ) : (
        <ul
          className="divide-y divide-line rounded-md border border-line"
          data-testid="assigned-reviewers"
        >
          {assigned.map((reviewer) => (
            <li
              key={reviewer.reviewId}
              className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
            >
              <span>
                <span className="font-semibold">{reviewer.name}</span>
                <span className="block text-sm text-fg-muted">{reviewer.email}</span>
              </span>
              {canAssign ? (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={r.unassignLabel(reviewer.name)}
                  busy={unassign.isPending && unassign.variables?.reviewId === reviewer.reviewId}
                  onClick={() =>
                    unassign.mutate(
                      { reviewId: reviewer.reviewId },
                      {
                        onSuccess: outcome.succeeded(r.unassigned(reviewer.name)),
                        onError: outcome.fail,
                      },
                    )
                  }
                >
                  {r.unassign}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAssign ? (
        available.length === 0 ? (
          <p className="text-sm text-fg-muted">{r.noReviewersAvailable}</p>
        ) : (
          <form
            noValidate
            onSubmit={submit}
            className="flex flex-wrap items-end gap-3"
            aria-label={r.assign}
          >
            <SelectField
              id="assign-reviewer"
              label={r.reviewer}
              error={fieldError}
              fieldClassName="min-w-[16rem] flex-1"
              value={reviewerId}
              onChange={(event) => setReviewerId(event.target.value)}
            >
              <option value="">{r.reviewerPlaceholder}</option>
              {available.map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {r.reviewerOption(
                    reviewer.name ?? "",
                    reviewer.email ?? "",
                    reviewer.pendingReviews,
                  )}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary" busy={assign.isPending}>
              {r.assign}
            </Button>
          </form>
        )
      ) : null}
    </div>
  );
}
