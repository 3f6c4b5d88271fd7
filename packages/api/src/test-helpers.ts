/**
 * Integration-test helpers for the API: database fixtures plus a tRPC caller acting as a user.
 * (They live here rather than in @tessera/db because the db package cannot depend on the API.)
 */
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { serverEnv } from "@tessera/config";
import { db, type PlatformRole } from "@tessera/db";
import { createContext, type SessionUser } from "./context";
import { appRouter, createCaller } from "./root";

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

/**
 * Calls a procedure through the real HTTP handler and returns the error the browser receives:
 * its message and, for a form, the messages to show beside each field.
 */
export async function httpErrorOf(
  user: TestPrincipal,
  path: string,
  type: "query" | "mutation",
  input: unknown,
): Promise<{ message: string; code: string; fieldErrors: Record<string, string[]> | null }> {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  const encoded = JSON.stringify(superjson.serialize(input));
  const init: RequestInit = { headers: { ...TEST_HEADERS, "content-type": "application/json" } };
  if (type === "query") url.searchParams.set("input", encoded);
  else Object.assign(init, { method: "POST", body: encoded });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, init),
    router: appRouter,
    createContext: ({ req }) => createContext({ headers: req.headers, user: sessionUserOf(user) }),
  });
  const body = (await response.json()) as {
    error?: {
      json?: {
        message: string;
        data: { code: string; fieldErrors: Record<string, string[]> | null };
      };
    };
  };
  const error = body.error?.json;
  if (!error) throw new Error(`Expected ${path} to fail, but it answered ${response.status}.`);
  return { message: error.message, code: error.data.code, fieldErrors: error.data.fieldErrors };
}
