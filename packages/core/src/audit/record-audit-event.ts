import { Prisma, columnsOf, type AuditEvent } from "@tessera/db";
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
  /**
   * When the change happened; now by default. Only a caller replaying a dated history (the demo
   * seed) names another moment: the chain covers whatever is given, in the order it is appended.
   */
  occurredAt?: Date;
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
  const { fields, head, tail } = auditRecord(actor, input);
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

/** The event's stored fields and its hashed body cut around the previous hash. */
function auditRecord(actor: Actor, input: AuditInput) {
  const fields = {
    occurredAt: input.occurredAt ?? new Date(),
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
  return { fields, ...auditHashParts(fields) };
}

/** One event of a batch (auditEventsSql), written only when `key` is among the gate's rows. */
export interface GatedAuditEvent {
  actor: Actor;
  input: AuditInput;
  key: string;
}

/**
 * The batch form of auditEventSql, for a statement that does the work of several callers
 * (`WITH RECURSIVE …, ${auditEventsSql(…)} …` — the chain is computed by a recursive CTE): the
 * events whose `key` is in column `column` of CTE `gate` are appended in the order given, each
 * linked to the one before it, the first to the chain's tail (its lock taken once, after the
 * gate's own locks, and only when at least one event is written). Adds the CTEs `audit_input`,
 * `audit_rows`, `audit_parts`, `audit_chain` and `audit` (the inserted rows' "id" and "targetId").
 */
export function auditEventsSql(
  events: GatedAuditEvent[],
  gate: { cte: string; column: string },
): Prisma.Sql {
  if (!/^[a-z_]+$/.test(gate.cte)) throw new Error(`Bad CTE name "${gate.cte}"`);
  if (!/^[A-Za-z_]+$/.test(gate.column)) throw new Error(`Bad column name "${gate.column}"`);
  const records = events.map(({ actor, input }) => auditRecord(actor, input));
  const column = columnsOf(records.map((record) => record.fields));
  return Prisma.sql`
    audit_input AS (
      SELECT * FROM unnest(
        ${records.map((record) => record.fields.occurredAt.toISOString())}::text[],
        ${column("actorId")}::text[], ${column("actorEmail")}::text[],
        ${column("organizationId")}::text[], ${column("action")}::text[],
        ${column("targetType")}::text[], ${column("targetId")}::text[], ${column("ip")}::text[],
        ${column("userAgent")}::text[],
        ${records.map((record) => JSON.stringify(record.fields.data))}::text[],
        ${records.map((record) => record.head)}::text[],
        ${records.map((record) => record.tail)}::text[],
        ${events.map((event) => event.key)}::text[]
      ) WITH ORDINALITY AS a("occurredAt", "actorId", "actorEmail", "organizationId", "action",
                            "targetType", "targetId", "ip", "userAgent", "data", head, tail, key,
                            ord)
    ), audit_rows AS (
      SELECT a.*, row_number() OVER (ORDER BY a.ord) AS seq
        FROM audit_input a
       WHERE a.key IN (SELECT g.${Prisma.raw(`"${gate.column}"`)} FROM ${Prisma.raw(`"${gate.cte}"`)} g)
    ), audit_parts AS (
      -- The hashed parts as arrays, so each step of the chain reaches its event by position
      -- instead of scanning every event again (which made a batch's chain quadratic in its size).
      SELECT array_agg(head ORDER BY seq) AS heads, array_agg(tail ORDER BY seq) AS tails,
             count(*) AS n
        FROM audit_rows
    ), audit_chain(seq, hash) AS (
      SELECT 0::bigint, tessera_audit_chain_tail() FROM audit_parts WHERE n > 0
      UNION ALL
      SELECT c.seq + 1,
             encode(sha256(convert_to(p.heads[c.seq + 1] || c.hash || p.tails[c.seq + 1], 'UTF8')), 'hex')
        FROM audit_chain c, audit_parts p
       WHERE c.seq < p.n
    ), audit AS (
      INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorEmail", "organizationId", "action",
                                "targetType", "targetId", "ip", "userAgent", "data", "prevHash",
                                "hash")
      SELECT r."occurredAt"::timestamptz AT TIME ZONE 'UTC', r."actorId", r."actorEmail",
             r."organizationId", r."action", r."targetType", r."targetId", r."ip", r."userAgent",
             r."data"::jsonb, previous.hash, this.hash
        FROM audit_rows r
        JOIN audit_chain this ON this.seq = r.seq
        JOIN audit_chain previous ON previous.seq = r.seq - 1
       ORDER BY r.seq
      RETURNING "id", "targetId"
    )`;
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
