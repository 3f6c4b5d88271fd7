import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: the link's secret. Only its SHA-256 is ever stored. */
export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
