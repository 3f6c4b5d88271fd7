import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedAuditFields {
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
  prevHash: string;
}

/** JSON with object keys sorted, so a value hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * The hash of exactly the chained fields. They are picked one by one, so a stored row (which also
 * carries its id and its own hash) hashes the same as the fields it was written from.
 */
export function auditHash(fields: HashedAuditFields): string {
  return createHash("sha256").update(auditHashBody(fields)).digest("hex");
}

function auditHashBody(fields: HashedAuditFields): string {
  return canonicalJson({
    occurredAt: fields.occurredAt.toISOString(),
    actorId: fields.actorId,
    actorEmail: fields.actorEmail,
    organizationId: fields.organizationId,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    ip: fields.ip,
    userAgent: fields.userAgent,
    data: fields.data,
    prevHash: fields.prevHash,
  });
}

// Stands for the previous hash while the body is split; 64 characters like a real hash.
const PREV_HASH_SENTINEL = "p".repeat(64);

/**
 * The hashed body cut around the previous hash: `auditHash(fields)` is the SHA-256 of
 * `head + fields.prevHash + tail`. Lets the database finish the hash once it has read the chain's
 * tail in the same statement as the insert. The cut is exact: `prevHash` is a top-level key, and
 * only escaped string values (where an unescaped `"` cannot occur) follow it in sorted order.
 */
export function auditHashParts(fields: Omit<HashedAuditFields, "prevHash">): {
  head: string;
  tail: string;
} {
  const marker = `"prevHash":"${PREV_HASH_SENTINEL}"`;
  const body = auditHashBody({ ...fields, prevHash: PREV_HASH_SENTINEL });
  const at = body.lastIndexOf(marker);
  const cut = at + marker.length - PREV_HASH_SENTINEL.length - 1;
  return { head: body.slice(0, cut), tail: body.slice(cut + PREV_HASH_SENTINEL.length) };
}
