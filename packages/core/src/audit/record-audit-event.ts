import type { AuditEvent, Prisma } from "@tessera/db";
import type { Actor } from "../actor";
import { auditHash, GENESIS_HASH } from "./hash";

/**
 * A transaction client; audit events are written in the same transaction as the change. A
 * tenant-scoped transaction works too: it stamps the event with its organisation.
 */
export interface AuditWriter {
  $queryRaw: Prisma.TransactionClient["$queryRaw"];
  auditEvent: {
    create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<AuditEvent>;
  };
}

export interface AuditInput {
  action: string;
  organizationId?: string | null;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

// One chain for the whole platform: appends are serialised by a transaction-scoped advisory lock,
// so two concurrent writers can never both link to the same previous event.
const AUDIT_CHAIN_LOCK = 7_355_608;

export async function recordAuditEvent(tx: AuditWriter, actor: Actor, input: AuditInput) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text`;
  // Raw SQL on purpose: the chain's tail is platform-wide, and a tenant-scoped client would
  // otherwise narrow this read to one organisation's events.
  const [last] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`;
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
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({
    data: { ...fields, data: fields.data as Prisma.InputJsonObject, hash: auditHash(fields) },
  });
}

/** The JSON value PostgreSQL will store for `data`, so the hash covers the stored content. */
function toStoredJson(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
