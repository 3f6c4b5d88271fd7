import { createHash } from "node:crypto";

export interface LedgerEntryFacts {
  id: bigint;
  organizationId: string;
  allocationLineId: string;
  holdId: string;
  kind: string;
  heldDeltaUnitSeconds: bigint;
  consumedDeltaUnitSeconds: bigint;
  actorId: string | null;
  createdAt: Date;
}

/**
 * Pure: SHA-256 over the entries in id order, one canonical line each. A seal's audit event stores
 * this digest; recomputing it later shows whether any sealed entry was changed or removed.
 */
export function ledgerDigest(entries: readonly LedgerEntryFacts[]): string {
  const hash = createHash("sha256");
  for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    hash.update(
      [
        entry.id.toString(),
        entry.organizationId,
        entry.allocationLineId,
        entry.holdId,
        entry.kind,
        entry.heldDeltaUnitSeconds.toString(),
        entry.consumedDeltaUnitSeconds.toString(),
        entry.actorId ?? "",
        entry.createdAt.toISOString(),
      ].join("|") + "\n",
    );
  }
  return hash.digest("hex");
}
