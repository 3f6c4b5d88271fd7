import { describe, expect, it } from "vitest";
import type { VerificationStatus } from "@tessera/db";
import { transitionVerification, type VerificationEvent } from "./verification-state";

const STATUSES: VerificationStatus[] = ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"];
const EVENTS: VerificationEvent[] = ["verify", "reject", "suspend", "resubmit"];

// The whole table, written out, so a change to the rules shows up here as a deliberate edit.
const EXPECTED: Record<
  VerificationEvent,
  Partial<Record<VerificationStatus, VerificationStatus>>
> = {
  verify: { PENDING: "VERIFIED", SUSPENDED: "VERIFIED" },
  reject: { PENDING: "REJECTED" },
  suspend: { VERIFIED: "SUSPENDED" },
  resubmit: { REJECTED: "PENDING" },
};

describe("transitionVerification", () => {
  for (const event of EVENTS) {
    for (const from of STATUSES) {
      const to = EXPECTED[event][from];
      it(`${event} from ${from} → ${to ?? "refused"}`, () => {
        const result = transitionVerification(from, event);
        if (to) {
          expect(result).toEqual({ ok: true, to });
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.message).toMatch(/^This organisation is /);
        }
      });
    }
  }

  it("explains a refused rejection in plain words", () => {
    expect(transitionVerification("VERIFIED", "reject")).toEqual({
      ok: false,
      message:
        "This organisation is verified; only an organisation that is pending review can be rejected.",
    });
  });

  it("never leaves a rejected organisation verified without review", () => {
    expect(transitionVerification("REJECTED", "verify").ok).toBe(false);
  });
});
