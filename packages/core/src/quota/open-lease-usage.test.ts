import { describe, expect, it } from "vitest";
import { withOpenLeaseUsage } from "./open-lease-usage";

describe("a line's figures with tokens metered under open leases", () => {
  it("moves what was metered within the blocks from held to used", () => {
    expect(
      withOpenLeaseUsage(
        { granted: 1_000n, held: 300n, consumed: 100n },
        { inBlockTokens: 120n, overrunTokens: 0n },
      ),
    ).toEqual({ held: 180n, consumed: 220n, remaining: 600n, meteredUnderLeases: 120n });
  });

  it("counts an overrun as used only as far as the line has left", () => {
    const figures = withOpenLeaseUsage(
      { granted: 1_000n, held: 300n, consumed: 650n },
      { inBlockTokens: 300n, overrunTokens: 80n },
    );
    expect(figures).toEqual({
      held: 0n,
      consumed: 1_000n,
      remaining: 0n,
      meteredUnderLeases: 350n,
    });
    expect(figures.held + figures.consumed + figures.remaining).toBe(1_000n);
  });

  it("leaves a line with no open lease as the ledger has it", () => {
    expect(withOpenLeaseUsage({ granted: 10n, held: 4n, consumed: 5n }, undefined)).toEqual({
      held: 4n,
      consumed: 5n,
      remaining: 1n,
      meteredUnderLeases: 0n,
    });
  });
});
