import { Prisma, type AuditEvent } from "@tessera/db";
import type { Actor } from "../actor";
import { auditHashParts } from "./hash";

/**
 * A transaction client; audit events are written in the same transaction as the change. A
 * tenant-scoped transaction works too (the event is written with raw SQL, so it carries exactly
 * the organisation given in the input, which is also what its hash covers).
 */
export interface AuditWriter {
  $queryRaw: Prisma.TransactionClient["$queryRaw"];
}

export interface AuditInput {
  action: string;
  organizationId?: string | null;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

// One chain for the whole platform: appends are serialised by a transaction-scoped advisory lock
// (this key), so two concurrent writers can never both link to the same previous event. The
// database function tessera_audit_chain_tail() takes it and then reads the tail with a fresh
// snapshot (migration 20261122182000_audit_chain_tail): locking, reading and appending is one
// statement, and the lock is held for the rest of that statement and the commit only.
export const AUDIT_CHAIN_LOCK = 7_355_608;

/**
 * rawQuery's line for statements that append to the chain and commit by themselves: they wait for
 * the chain's lock one after another anyway, so each process sends them one at a time.
 */
export const AUDIT_CHAIN_LINE = { line: "audit-chain" } as const;

/**
 * The INSERT that appends one event to the chain, for use as a common table expression in a
 * caller's own statement (`WITH …, audit AS (${auditEventSql(…)}) …`). With `gate`, the name of an
 * earlier CTE of that statement, the event is written once per row of it — only when the change
 * it records happened — and the chain's lock is taken only then, after that CTE's own locks.
 */
export function auditEventSql(actor: Actor, input: AuditInput, gate?: string): Prisma.Sql {
  if (gate !== undefined && !/^[a-z_]+$/.test(gate)) throw new Error(`Bad CTE name "${gate}"`);
  const fields = {
    occurredAt: new Date(),
    actorId: actor.userId,
    actorEmail: actor.email,
    organizationId: input.organizationId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    ip: actor.ip,
    userAgent: actor.userAgent,
    // Hash exactly what jsonb will hold: Dates become ISO strings, undefined keys disappear.
    data: toStoredJson(input.data ?? {}),
  };
  const { head, tail } = auditHashParts(fields);
  const chainTail = gate
    ? Prisma.sql`(SELECT tessera_audit_chain_tail() AS prev FROM ${Prisma.raw(`"${gate}"`)})`
    : Prisma.sql`(SELECT tessera_audit_chain_tail() AS prev)`;
  // Raw SQL on purpose: the chain's tail is platform-wide (a tenant-scoped client would narrow
  // it to one organisation's events). The hash is finished in the database: SHA-256 of the
  // canonical body with the previous hash put in its place, which is what auditHash computes
  // when the chain is verified.
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorEmail", "organizationId", "action",
                              "targetType", "targetId", "ip", "userAgent", "data", "prevHash", "hash")
    SELECT ${fields.occurredAt.toISOString()}::timestamptz AT TIME ZONE 'UTC',
           ${fields.actorId}::text, ${fields.actorEmail}::text, ${fields.organizationId}::text,
           ${fields.action}::text, ${fields.targetType}::text, ${fields.targetId}::text,
           ${fields.ip}::text, ${fields.userAgent}::text, ${JSON.stringify(fields.data)}::jsonb,
           chain.prev,
           encode(sha256(convert_to(${head}::text || chain.prev || ${tail}::text, 'UTF8')), 'hex')
      FROM ${chainTail} AS chain
    RETURNING "id", "occurredAt", "actorId", "actorEmail", "organizationId", "action",
              "targetType", "targetId", "ip", "userAgent", "data", "prevHash", "hash"`;
}

/**
 * Appends one event to the platform-wide hash chain in one statement (see auditEventSql), in the
 * caller's transaction; the chain's lock is held until that transaction ends.
 */
export async function recordAuditEvent(
  tx: AuditWriter,
  actor: Actor,
  input: AuditInput,
): Promise<AuditEvent> {
  const rows = await tx.$queryRaw<AuditEvent[]>(auditEventSql(actor, input));
  return rows[0]!;
}

/** The JSON value PostgreSQL will store for `data`, so the hash covers the stored content. */
function toStoredJson(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
