"use client";

import { useState } from "react";
import { Alert } from "@tessera/ui";
import { errorMessageFrom } from "@/lib/form-errors";

export interface Notice {
  message: string;
  ok: boolean;
}

/**
 * What an action button last did: a success message or the reason it failed. `afterSuccess`
 * runs after each success (for example, refreshing the page's data).
 */
export function useNotice(afterSuccess?: () => void) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const succeed = (message: string) => {
    setNotice({ message, ok: true });
    afterSuccess?.();
  };
  return {
    notice,
    succeed,
    /** A success handler that announces `message`. */
    succeeded: (message: string) => () => succeed(message),
    fail: (error: unknown) => setNotice({ message: errorMessageFrom(error), ok: false }),
    clear: () => setNotice(null),
  };
}

/**
 * Announces an action's outcome in a polite live region. A failure is an alert; with
 * `errorTitle` it is titled so and the reason follows, otherwise the reason is the title.
 */
export function ActionNotice({
  notice,
  errorTitle,
  errorTestId,
}: {
  notice: Notice | null;
  errorTitle?: string;
  /** A test id for the reason's paragraph (with `errorTitle`). */
  errorTestId?: string;
}) {
  const detailed = !notice?.ok && errorTitle !== undefined;
  return (
    <div aria-live="polite">
      {notice ? (
        <Alert
          tone={notice.ok ? "success" : "danger"}
          role={notice.ok ? "status" : "alert"}
          title={detailed ? errorTitle : notice.message}
        >
          {detailed ? <p data-testid={errorTestId}>{notice.message}</p> : null}
        </Alert>
      ) : null}
    </div>
  );
}
