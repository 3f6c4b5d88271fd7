import type { VerificationStatus } from "@tessera/db";

/** What can happen to an organisation's verification status, and from where. */
export const VERIFICATION_TRANSITIONS = {
  verify: { from: ["PENDING", "SUSPENDED"], to: "VERIFIED" },
  reject: { from: ["PENDING"], to: "REJECTED" },
  suspend: { from: ["VERIFIED"], to: "SUSPENDED" },
  resubmit: { from: ["REJECTED"], to: "PENDING" },
} as const satisfies Record<
  string,
  { from: readonly VerificationStatus[]; to: VerificationStatus }
>;

export type VerificationEvent = keyof typeof VERIFICATION_TRANSITIONS;

export type TransitionResult =
  { ok: true; to: VerificationStatus } | { ok: false; message: string };

const DESCRIBED: Record<VerificationStatus, string> = {
  PENDING: "pending review",
  VERIFIED: "verified",
  REJECTED: "rejected",
  SUSPENDED: "suspended",
};

const VERB: Record<VerificationEvent, string> = {
  verify: "verified",
  reject: "rejected",
  suspend: "suspended",
  resubmit: "resubmitted",
};

/** Pure: decides whether `event` may happen to an organisation in status `from`. */
export function transitionVerification(
  from: VerificationStatus,
  event: VerificationEvent,
): TransitionResult {
  const rule = VERIFICATION_TRANSITIONS[event];
  if ((rule.from as readonly VerificationStatus[]).includes(from)) return { ok: true, to: rule.to };
  const allowed = rule.from.map((status) => DESCRIBED[status]).join(" or ");
  return {
    ok: false,
    message: `This organisation is ${DESCRIBED[from]}; only an organisation that is ${allowed} can be ${VERB[event]}.`,
  };
}

export function describeVerificationStatus(status: VerificationStatus): string {
  return DESCRIBED[status];
}
