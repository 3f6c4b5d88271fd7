import { describe, expect, it } from "vitest";
import { invitationStatus, unusableInvitationMessage } from "./invitation-status";

const now = new Date("2026-05-01T12:00:00Z");
const later = new Date("2026-05-02T12:00:00Z");
const earlier = new Date("2026-04-30T12:00:00Z");

describe("invitationStatus", () => {
  it("is pending until it expires", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe(
      "PENDING",
    );
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe(
      "EXPIRED",
    );
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe(
      "EXPIRED",
    );
  });

  it("prefers what happened over the clock", () => {
    expect(
      invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now),
    ).toBe("ACCEPTED");
    expect(
      invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now),
    ).toBe("REVOKED");
  });

  it("explains each dead end", () => {
    expect(unusableInvitationMessage("ACCEPTED", later)).toMatch(/already been used/);
    expect(unusableInvitationMessage("REVOKED", later)).toMatch(/withdrawn/);
    expect(unusableInvitationMessage("EXPIRED", earlier)).toBe(
      "This invitation expired on 30 April 2026. Ask the organisation to invite you again.",
    );
  });
});
