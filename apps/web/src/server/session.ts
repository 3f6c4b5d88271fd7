import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "@tessera/api";
import { resolveSessionUser, sessionTokenFromCookieHeader } from "@tessera/auth";
import { db } from "@tessera/db";
import { PATH_HEADER, signInPath } from "@/lib/paths";

/** The signed-in user of this request, or null; resolved once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const incoming = await headers();
  return resolveSessionUser(db, sessionTokenFromCookieHeader(incoming.get("cookie")));
});

export async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/dashboard";
}

/** Sends a signed-out visitor to sign in, remembering where they wanted to go. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(await currentPath()));
  return user;
}
