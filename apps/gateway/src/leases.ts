import {
  AppError,
  closeHold,
  drawLeaseOverrun,
  placeHoldUpTo,
  type PlacedHold,
  type QuotaClient,
} from "@tessera/core/ledger";
import { ApiError } from "@tessera/openai";

/** An allocation line of tokens (a TOKENS class) the caller's organisation may spend from. */
export interface TokenLine {
  id: string;
  organizationId: string;
  resourceClassId: string;
  /** Epoch ms: the allocation's end. */
  validTo: number;
}

/**
 * A block of tokens held on an allocation line for this gateway process: a quota hold placed
 * through the ledger (so `held + consumed ≤ granted` stays the database's to enforce), spent
 * here request by request with no database round trip, and settled with what was spent when it
 * ends — because its block is used up, its time is over, or the gateway stops.
 */
export interface Lease {
  holdId: string;
  line: TokenLine;
  /** Tokens held. */
  size: number;
  /** Tokens spent by requests that have finished. */
  spent: number;
  /** Requests admitted on the lease that have not finished yet. */
  inflight: number;
  /** Epoch ms: after this no new request is admitted on it. */
  expiresAt: number;
  ended: boolean;
  /** Its settlement has been started (once). */
  settling: boolean;
}

/** The line's tokens are spent (or it has none left to lease): 402, or a fallback. */
export class TokensSpent extends Error {
  constructor(
    message: string,
    /** The line found spent; null when the organisation holds no tokens of the tier at all. */
    readonly line: TokenLine | null,
  ) {
    super(message);
  }
}

export interface LeaseSettings {
  /** Tokens a lease holds (less when the line has less left). */
  blockTokens: number;
  /** How long a lease is spent from before it is settled and a new one taken. */
  leaseMs: number;
}

type Log = (level: "info" | "warn" | "error", message: string) => void;

/**
 * This process's leases, one current lease per allocation line. Requests for a line that has a
 * current lease with tokens left are admitted at once; the first request after it runs out
 * places the next (concurrent requests share that one placement). A lease is settled once it
 * has ended and its last request has finished: what its requests spent becomes consumption
 * (never more than was held) and the rest goes back to the line.
 *
 * A request is admitted while its lease has tokens left, and spends what it used after it
 * finishes, so the requests in flight when a block runs out may spend past it; settlement
 * consumes the block and draws the overrun from the line as far as it has tokens left
 * (drawLeaseOverrun). Tokens it cannot cover are still metered and billed (the invoice prices
 * every usage record), they are only not drawn from the award's quota.
 *
 * A lease whose gateway dies is never settled here: the worker settles it after it expired from
 * the usage records metered against it, overrun included (settleAbandonedLeases).
 */
export class Leases {
  private readonly current = new Map<string, Lease>();
  private readonly placing = new Map<string, Promise<Lease>>();
  /** Lines found with nothing left, until when (epoch ms): asked again after a short while. */
  private readonly spentUntil = new Map<string, { until: number; message: string }>();
  private readonly settling = new Set<Promise<void>>();
  private sequence = 0;
  /** Leases placed and settled by this process (for /metrics and tests). */
  placed = 0;
  settled = 0;

  constructor(
    private readonly ledger: QuotaClient,
    private readonly instance: string,
    private readonly settings: LeaseSettings,
    private readonly log: Log,
  ) {}

  /** A lease on `line` with tokens left, for one request; the caller must `finish` it. */
  async take(line: TokenLine, now: number): Promise<Lease> {
    const lease = this.current.get(line.id);
    if (lease && !lease.ended) {
      if (lease.spent < lease.size && now < lease.expiresAt) {
        lease.inflight += 1;
        return lease;
      }
      this.end(lease);
    }
    const spent = this.spentUntil.get(line.id);
    if (spent && now < spent.until) throw new TokensSpent(spent.message, line);
    let placing = this.placing.get(line.id);
    if (!placing) {
      placing = this.place(line, now).finally(() => this.placing.delete(line.id));
      this.placing.set(line.id, placing);
    }
    const next = await placing;
    next.inflight += 1;
    return next;
  }

  /** Whether `line` was found with nothing left a short while ago (as far as this process knows). */
  knownSpent(line: TokenLine, now: number): boolean {
    const spent = this.spentUntil.get(line.id);
    return spent !== undefined && now < spent.until;
  }

  /** A request on `lease` is over, having used `tokens` (0 when it failed before any answer). */
  finish(lease: Lease, tokens: number): void {
    lease.spent += tokens;
    lease.inflight -= 1;
    if (!lease.ended && lease.spent >= lease.size) this.end(lease);
    else if (lease.ended && lease.inflight === 0) this.settle(lease);
  }

  /** Ends the leases whose time is over (called on the refresh timer). */
  expire(now: number): void {
    for (const lease of this.current.values()) if (now >= lease.expiresAt) this.end(lease);
  }

  /** Ends every lease and settles each once its requests have finished (at shutdown). */
  async stop(): Promise<void> {
    for (const lease of [...this.current.values()]) this.end(lease);
    const deadline = Date.now() + 5_000;
    while (this.settling.size > 0 && Date.now() < deadline) {
      await Promise.race([...this.settling, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  }

  private end(lease: Lease): void {
    if (lease.ended) return;
    lease.ended = true;
    if (this.current.get(lease.line.id) === lease) this.current.delete(lease.line.id);
    if (lease.inflight === 0) this.settle(lease);
  }

  private settle(lease: Lease): void {
    if (lease.settling) return;
    lease.settling = true;
    const consumed = Math.min(lease.spent, lease.size);
    const settling = closeHold(this.ledger, {
      organizationId: lease.line.organizationId,
      holdId: lease.holdId,
      consumed,
    }).then(
      async () => {
        this.settled += 1;
        if (lease.spent > lease.size) {
          await drawLeaseOverrun(
            this.ledger,
            {
              organizationId: lease.line.organizationId,
              allocationLineId: lease.line.id,
              holdId: lease.holdId,
            },
            lease.spent - lease.size,
          ).catch((error: unknown) =>
            this.log("warn", `drawing a lease's overrun: ${(error as Error).message}`),
          );
        }
      },
      (error: unknown) =>
        // Left ACTIVE: the worker settles it from its metered usage once it has expired.
        this.log("warn", `settling token lease ${lease.holdId}: ${(error as Error).message}`),
    );
    this.settling.add(settling);
    void settling.finally(() => this.settling.delete(settling));
  }

  private async place(line: TokenLine, now: number): Promise<Lease> {
    const expiresAt = Math.min(now + this.settings.leaseMs, line.validTo);
    this.sequence += 1;
    let hold: PlacedHold | undefined;
    try {
      // Less left than a block (other leases hold the rest, or it is nearly spent): lease that.
      hold = await placeHoldUpTo(this.ledger, {
        organizationId: line.organizationId,
        allocationLineId: line.id,
        unitSeconds: this.settings.blockTokens,
        reference: `lease:${this.instance}:${this.sequence}`,
        expiresAt: new Date(expiresAt),
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "PRECONDITION_FAILED") throw error;
      const { reason } = error.details as { reason?: string };
      const message =
        reason === "QUOTA"
          ? "Your organisation's tokens for this model are spent (or held by requests in flight)."
          : "Your organisation's allocation of tokens for this model is not valid now.";
      this.spentUntil.set(line.id, { until: now + 2_000, message });
      throw new TokensSpent(message, line);
    }
    if (hold === undefined) {
      throw new ApiError(
        503,
        "tokens_busy",
        "Your organisation's tokens are in heavy use right now; try again in a moment.",
        null,
        { "retry-after": "1" },
      );
    }
    this.placed += 1;
    const lease: Lease = {
      holdId: hold.holdId,
      line,
      size: hold.unitSeconds,
      spent: 0,
      inflight: 0,
      expiresAt,
      ended: false,
      settling: false,
    };
    this.current.set(line.id, lease);
    return lease;
  }
}
