/**
 * Integration-test helpers for the API: database fixtures plus a tRPC caller acting as a user.
 * (They live here rather than in @tessera/db because the db package cannot depend on the API.)
 */
import { TRPCError } from "@trpc/server";
import { serverEnv } from "@tessera/config";
import { db, type PlatformRole } from "@tessera/db";
import { createContext, type SessionUser } from "./context";
import { createCaller } from "./root";

export * from "@tessera/db/test-helpers";

export interface TestPrincipal {
  id: string;
  email: string | null;
  name: string | null;
  platformRoles: PlatformRole[];
}

export function sessionUserOf(user: TestPrincipal): SessionUser {
  return { id: user.id, email: user.email, name: user.name, platformRoles: user.platformRoles };
}

export const TEST_HEADERS = {
  "user-agent": "tessera-integration-test",
  "x-forwarded-for": "203.0.113.7",
};

/** A server-side caller that runs every procedure exactly as the HTTP route would for `user`. */
export function callerFor(user: TestPrincipal | null) {
  return createCaller(
    createContext({ headers: new Headers(TEST_HEADERS), user: user ? sessionUserOf(user) : null }),
  );
}

/** Awaits a call that must fail and returns its tRPC error (code and message) for assertions. */
export async function failureOf(
  call: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("Expected the call to fail, but it succeeded.");
}

/** The token from the newest invitation mail to `email`, exactly as the invitee would click it. */
export async function invitationTokenMailedTo(email: string): Promise<string> {
  const mail = await db.mailMessage.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: "desc" },
  });
  const match = new RegExp(`${serverEnv().APP_URL}/invitations/([A-Za-z0-9_-]{43})`).exec(
    mail.text,
  );
  if (!match) throw new Error(`No invitation link in the mail to ${email}`);
  return match[1]!;
}
