import type { Database } from "@tessera/db";
import { auditHash, GENESIS_HASH, type HashedAuditFields } from "./hash";

export interface AuditLink extends HashedAuditFields {
  id: bigint;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: bigint; reason: "content" | "link" };

/** Checks a run of events in id order; `expectedPrev` is the hash the first one must link to. */
export function verifyLinks(
  events: Iterable<AuditLink>,
  expectedPrev = GENESIS_HASH,
): ChainVerdict {
  let prev = expectedPrev;
  let checked = 0;
  for (const event of events) {
    if (event.prevHash !== prev) return { ok: false, checked, brokenAt: event.id, reason: "link" };
    if (auditHash(event) !== event.hash) {
      return { ok: false, checked, brokenAt: event.id, reason: "content" };
    }
    prev = event.hash;
    checked += 1;
  }
  return { ok: true, checked };
}

/** Walks the whole chain in pages and reports the first broken link. */
export async function verifyAuditChain(database: Database, pageSize = 1000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let after: bigint | undefined;
  let checked = 0;
  for (;;) {
    const page = await database.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (page.length === 0) return { ok: true, checked };
    const verdict = verifyLinks(page, prev);
    checked += verdict.checked;
    if (!verdict.ok) return { ...verdict, checked };
    const last = page[page.length - 1]!;
    prev = last.hash;
    after = last.id;
  }
}
