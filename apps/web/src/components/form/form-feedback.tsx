"use client";

import { Alert, ErrorSummary } from "@tessera/ui";
import { t } from "@/i18n";
import type { FormErrors } from "@/lib/form-errors";

/** The error summary at the top of a form (it takes focus when problems appear). */
export function FormProblems({ errors }: { errors: FormErrors }) {
  return (
    <ErrorSummary
      title={t.common.errorSummaryTitle}
      problems={errors.problems}
      takeFocus={!errors.cleared}
    />
  );
}

/** A polite live region that announces a save. */
export function SavedNotice({ message }: { message: string | null }) {
  return (
    <div aria-live="polite">
      {message ? <Alert tone="success" role="status" title={message} /> : null}
    </div>
  );
}

/** The error summary followed by the save announcement, as most edit forms open. */
export function FormFeedback({ errors, saved }: { errors: FormErrors; saved: string | null }) {
  return (
    <>
      <FormProblems errors={errors} />
      <SavedNotice message={saved} />
    </>
  );
}
