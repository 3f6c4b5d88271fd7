import { db, type Database, type PlatformRole } from "@tessera/db";
import type { Actor } from "@tessera/core";
import { serverEnv } from "@tessera/config";
import { clientAddress } from "./client-address";

/** The signed-in user as the API sees it. */
export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
  platformRoles: PlatformRole[];
}

export interface CreateContextOptions {
  headers: Headers;
  /** Resolved by the caller (Auth.js session in the web app, a fixture in tests). */
  user: SessionUser | null;
  database?: Database;
}

export function createContext({ headers, user, database = db }: CreateContextOptions) {
  const actor: Actor = {
    userId: user?.id ?? null,
    email: user?.email ?? null,
    ip: clientAddress(headers, serverEnv().TRUSTED_PROXY_HOPS),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
  return { db: database, user, actor, headers };
}

export type Context = ReturnType<typeof createContext>;
