import { describe, expect, it } from "vitest";
import { createRateLimiter, stripeOpsPerSecond } from "./rate-limiter";

describe("the Stripe rate limiter", () => {
  it("spaces 100 calls in test mode over four seconds (25 per second)", async () => {
    let now = 0;
    const starts: number[] = [];
    const limiter = createRateLimiter(stripeOpsPerSecond("sk_test_x"), {
      now: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
    });
    for (let i = 0; i < 100; i++) {
      await limiter.take();
      starts.push(now);
    }
    for (let i = 25; i < starts.length; i++) {
      // No second ever holds more than 25 starts.
      expect(starts[i]! - starts[i - 25]!).toBeGreaterThanOrEqual(1000);
    }
    expect(now).toBeCloseTo(3_960, 0);
    expect(stripeOpsPerSecond("sk_live_x")).toBe(100);
  });
});
