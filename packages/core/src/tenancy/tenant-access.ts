import type { MembershipRole, TenantDatabase } from "@tessera/db";

/**
 * What a domain function needs to act inside one organisation: the database client scoped to it
 * and the caller's role there. The API's tenant procedures put exactly this on `ctx.tenant`.
 */
export interface TenantAccess {
  organization: { id: string; name: string };
  role: MembershipRole;
  db: TenantDatabase;
}

/** The client handed to a tenant-scoped interactive transaction. */
export type TenantTransaction = Parameters<Parameters<TenantDatabase["$transaction"]>[0]>[0];
