import type { SessionUser } from "@tessera/api";
import type { Database } from "@tessera/db";

/** Auth.js cookie names: the secure prefix is used when the portal is served over https. */
export const SESSION_COOKIE_NAMES = [
  "__Secure-authjs.session-token",
  "authjs.session-token",
] as const;

/**
 * The session token from a Cookie header, or undefined. A token that is not valid percent-encoding
 * cannot be one Tessera set: the visitor is simply signed out (never an error page or a 500).
 */
export function sessionTokenFromCookieHeader(
  cookieHeader: string | null | undefined,
): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if ((SESSION_COOKIE_NAMES as readonly string[]).includes(name)) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Resolves a database session token to the user, or null when the session is unknown or expired.
 * The tRPC route and the API benchmark's plain handler both use this, so they do the same work.
 */
export async function resolveSessionUser(
  database: Database,
  sessionToken: string | undefined,
): Promise<SessionUser | null> {
  if (!sessionToken || sessionToken.length > 512) return null;
  const session = await database.session.findUnique({
    where: { sessionToken },
    select: {
      expires: true,
      user: { select: { id: true, email: true, name: true, platformRoles: true } },
    },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return session.user;
}
