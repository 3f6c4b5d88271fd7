import { randomBytes } from "node:crypto";
import type { NextAuthConfig } from "next-auth";
import { AUTH_PROVIDER_ID, type ServerEnv } from "@tessera/config";
import { recordAuditEvent, type Actor } from "@tessera/core";
import type { Database } from "@tessera/db";
import { tesseraAdapter } from "./adapter";

/** Where the request came from, for the audit trail; resolved lazily because it needs the request. */
export type RequestOrigin = () => Promise<Pick<Actor, "ip" | "userAgent">>;

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 60 * 60;

export function usesSecureCookies(appUrl: string): boolean {
  return new URL(appUrl).protocol === "https:";
}

/**
 * Auth.js configuration: the national identity provider over OpenID Connect, database sessions
 * (so signing out deletes the session row and a copied cookie stops working), and an audit
 * event for every sign-in and sign-out.
 */
export function tesseraAuthConfig(
  env: ServerEnv,
  database: Database,
  requestOrigin: RequestOrigin,
): NextAuthConfig {
  async function audit(
    action: "session.signed_in" | "session.signed_out",
    userId: string,
    data: Record<string, unknown>,
  ) {
    const user = await database.user.findUnique({ where: { id: userId }, select: { email: true } });
    const actor: Actor = { userId, email: user?.email ?? null, ...(await requestOrigin()) };
    await database.$transaction((tx) =>
      recordAuditEvent(tx, actor, { action, targetType: "user", targetId: userId, data }),
    );
  }

  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: usesSecureCookies(env.APP_URL),
    adapter: tesseraAdapter(database),
    session: {
      strategy: "database",
      maxAge: SESSION_MAX_AGE_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      generateSessionToken: () => randomBytes(32).toString("base64url"),
    },
    providers: [
      {
        id: AUTH_PROVIDER_ID,
        name: env.OIDC_PROVIDER_NAME,
        type: "oidc",
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: "openid profile email" } },
        checks: ["pkce", "state"],
      },
    ],
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      async signIn({ user, account, isNewUser }) {
        if (!user.id) return;
        await audit("session.signed_in", user.id, {
          provider: account?.provider ?? null,
          newUser: isNewUser ?? false,
        });
      },
      async signOut(message) {
        if (!("session" in message) || !message.session) return;
        await audit("session.signed_out", message.session.userId, {});
      },
    },
  };
}
