import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createCaller, createContext } from "@tessera/api";
import { signInPath } from "@/lib/paths";
import { currentPath, currentUser } from "./session";

type Caller = ReturnType<typeof createCaller>;

/** A tRPC caller for server components: the same procedures and checks as the HTTP API. */
const caller = cache(async (): Promise<Caller> => {
  const incoming = await headers();
  return createCaller(createContext({ headers: incoming, user: await currentUser() }));
});

async function handle(error: unknown): Promise<never> {
  if (error instanceof TRPCError) {
    // A stranger gets the same page as for something that does not exist.
    if (error.code === "NOT_FOUND") notFound();
    if (error.code === "UNAUTHORIZED") redirect(signInPath(await currentPath()));
  }
  throw error;
}

/** Loads data for a page; not found → 404 page, signed out → sign-in. */
export async function load<T>(query: (api: Caller) => Promise<T>): Promise<T> {
  try {
    return await query(await caller());
  } catch (error) {
    return handle(error);
  }
}

export type Allowed<T> =
  | { allowed: true; data: T }
  /** `invalid` holds the readable message when a filter in the URL was not valid. */
  | { allowed: false; invalid: string | null };

/**
 * Like load, but a permission refusal or an invalid filter comes back as `{ allowed: false }`
 * for the page to explain, instead of an error page.
 */
export async function loadIfAllowed<T>(query: (api: Caller) => Promise<T>): Promise<Allowed<T>> {
  try {
    return { allowed: true, data: await query(await caller()) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN")
      return { allowed: false, invalid: null };
    if (error instanceof TRPCError && error.code === "BAD_REQUEST")
      return { allowed: false, invalid: error.message };
    return handle(error);
  }
}
