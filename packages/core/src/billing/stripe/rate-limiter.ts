/**
 * Stripe's documented rate limits: 100 read and write operations per second in live mode, 25 in
 * test mode (per account). Every call Tessera makes to Stripe waits for its turn here, so a push
 * of many invoices never trips them.
 */
export const STRIPE_LIVE_OPS_PER_SECOND = 100;
export const STRIPE_TEST_OPS_PER_SECOND = 25;

export function stripeOpsPerSecond(apiKey: string): number {
  return apiKey.startsWith("sk_live_") || apiKey.startsWith("rk_live_")
    ? STRIPE_LIVE_OPS_PER_SECOND
    : STRIPE_TEST_OPS_PER_SECOND;
}

export interface RateLimiter {
  /** Resolves when the next operation may start. */
  take(): Promise<void>;
}

/** Evenly spaced turns: at most `perSecond` starts in any second. */
export function createRateLimiter(
  perSecond: number,
  clock: { now(): number; sleep(ms: number): Promise<void> } = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
): RateLimiter {
  const spacing = 1000 / perSecond;
  let nextFree = 0;
  return {
    async take() {
      const now = clock.now();
      const start = Math.max(now, nextFree);
      nextFree = start + spacing;
      if (start > now) await clock.sleep(start - now);
    },
  };
}
