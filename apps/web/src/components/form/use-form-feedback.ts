"use client";

import { useState } from "react";
import { formErrorsFrom, NO_ERRORS, withoutFieldErrors, type FormErrors } from "@/lib/form-errors";

/**
 * The state every form keeps about its last attempt: the problems to show (from its own checks
 * or from the server) and the success message, if any. `afterSave` runs after each save (for
 * example, refreshing the page's data).
 */
export function useFormFeedback(fieldIds: Record<string, string>, afterSave?: () => void) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  return {
    errors,
    saved,
    /** Announces a save with `message`. */
    save(message: string): void {
      setSaved(message);
      afterSave?.();
    },
    /** For a mutation's onError: the server's field errors beside their fields. */
    showError(error: unknown, overrides?: Record<string, string>): void {
      setErrors(formErrorsFrom(error, fieldIds, overrides));
    },
    /** Forgets the errors of fields whose value changed; the next attempt checks them again. */
    clear(...names: string[]): void {
      setErrors((current) => withoutFieldErrors(current, names));
    },
    /**
     * Starts a new attempt: forgets the last outcome and shows the problems found before
     * sending. True when there are none and the form may send.
     */
    start(checked: FormErrors = NO_ERRORS): boolean {
      setSaved(null);
      setErrors(checked);
      return checked.problems.length === 0;
    },
  };
}
