import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createInvitationToken, hashInvitationToken } from "./token";

describe("invitation tokens", () => {
  it("carry 32 random bytes as base64url", () => {
    const { token } = createInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("are stored only as their SHA-256, which is not the token", () => {
    const { token, tokenHash } = createInvitationToken();
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(hashInvitationToken(token)).toBe(tokenHash);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createInvitationToken().token));
    expect(tokens.size).toBe(1000);
  });
});
