import { visibleLength } from "@tessera/core/text";
import { tp } from "@/i18n";

/** The shortest reason the server accepts for asking for changes or rejecting (core's DECISION_REASON_MIN). */
export const REASON_MIN = 10;

/**
 * Why a reason for asking for changes or rejecting will not do, or null when it will: it is
 * required, at least ten characters a reader can see, and the applicant reads it.
 */
export function reasonProblem(reason: string): string | null {
  const given = visibleLength(reason);
  return given < REASON_MIN ? tp.decision.reasonTooShort(REASON_MIN, given) : null;
}
