import { describe, expect, it } from "vitest";
import { ledgerDigest, type LedgerEntryFacts } from "./ledger-digest";

const entry = (id: bigint, held: bigint): LedgerEntryFacts => ({
  id,
  organizationId: "org",
  allocationLineId: "line",
  holdId: `hold-${id}`,
  kind: "HOLD",
  heldDeltaUnitSeconds: held,
  consumedDeltaUnitSeconds: 0n,
  actorId: null,
  createdAt: new Date("2026-03-01T12:00:00Z"),
});

describe("ledgerDigest", () => {
  it("does not depend on the order entries are given in", () => {
    expect(ledgerDigest([entry(2n, 5n), entry(1n, 3n)])).toBe(
      ledgerDigest([entry(1n, 3n), entry(2n, 5n)]),
    );
  });

  it("changes when any entry changes, is removed or is added", () => {
    const base = ledgerDigest([entry(1n, 3n), entry(2n, 5n)]);
    expect(ledgerDigest([entry(1n, 3n), entry(2n, 6n)])).not.toBe(base);
    expect(ledgerDigest([entry(1n, 3n)])).not.toBe(base);
    expect(ledgerDigest([entry(1n, 3n), entry(2n, 5n), entry(3n, 1n)])).not.toBe(base);
    expect(ledgerDigest([entry(1n, 3n), entry(2n, 5n)])).toBe(base);
  });
});
