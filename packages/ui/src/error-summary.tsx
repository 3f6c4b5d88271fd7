"use client";

import { useEffect, useRef } from "react";

export interface FieldProblem {
  /** The id of the input the problem is about; the summary links to it. */
  fieldId?: string;
  message: string;
}

/**
 * The error summary at the top of a form: takes focus when it appears or its problems change so
 * screen readers announce it (unless `takeFocus` is false: problems only went away while the
 * person fixes them), and links each problem to its field.
 */
export function ErrorSummary({
  title,
  problems,
  takeFocus = true,
}: {
  title: string;
  problems: readonly FieldProblem[];
  takeFocus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = problems.map((p) => `${p.fieldId ?? ""}:${p.message}`).join("|");

  useEffect(() => {
    if (signature && takeFocus) ref.current?.focus();
  }, [signature, takeFocus]);

  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 rounded-md border-2 border-danger bg-surface p-4"
    >
      <h2 id="error-summary-title" className="text-lg font-bold text-fg">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1 p-0">
        {problems.map((problem) => (
          <li key={`${problem.fieldId ?? "form"}-${problem.message}`}>
            {problem.fieldId ? (
              <a className="font-semibold text-danger underline" href={`#${problem.fieldId}`}>
                {problem.message}
              </a>
            ) : (
              <span className="font-semibold text-danger">{problem.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
