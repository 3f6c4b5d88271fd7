import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { apiKeyStatus, checkApiKeyLimits, resolveApiKeyExpiry } from "./api-key-rules";

const NOW = new Date("2026-03-10T15:30:00Z");
const DAY = 86_400_000;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("API key expiry", () => {
  it("runs a number of days from now, 1 to 365", () => {
    expect(resolveApiKeyExpiry({ days: 30 }, NOW)).toEqual(new Date(NOW.getTime() + 30 * DAY));
    expect(resolveApiKeyExpiry({ days: 1 }, NOW)).toEqual(new Date(NOW.getTime() + DAY));
    expect(resolveApiKeyExpiry({ days: 365 }, NOW)).toEqual(new Date(NOW.getTime() + 365 * DAY));
    for (const days of [0, -1, 366, 1.5, Number.NaN]) {
      expect(refusal(() => resolveApiKeyExpiry({ days }, NOW))).toBe(
        "Choose an expiry 1 to 365 days from today.",
      );
    }
  });

  it("runs to the end of a chosen date (UTC), tomorrow at the earliest and a year ahead at the latest", () => {
    expect(resolveApiKeyExpiry({ date: "2026-03-11" }, NOW)).toEqual(
      new Date("2026-03-12T00:00:00Z"),
    );
    expect(resolveApiKeyExpiry({ date: "2027-03-10" }, NOW)).toEqual(
      new Date("2027-03-11T00:00:00Z"),
    );
    for (const date of ["2026-03-10", "2026-03-01", "2027-03-11"]) {
      expect(refusal(() => resolveApiKeyExpiry({ date }, NOW))).toBe(
        "Choose an expiry 1 to 365 days from today.",
      );
    }
    for (const date of ["2026-02-30", "tomorrow", "2026-3-11", ""]) {
      expect(refusal(() => resolveApiKeyExpiry({ date }, NOW))).toMatch(/real date/);
    }
  });
});

describe("API key limits", () => {
  it("accept 1 to 100,000 requests and 1 to 100,000,000 tokens per minute", () => {
    expect(() => checkApiKeyLimits({ requestsPerMinute: 1, tokensPerMinute: 1 })).not.toThrow();
    expect(() =>
      checkApiKeyLimits({ requestsPerMinute: 100_000, tokensPerMinute: 100_000_000 }),
    ).not.toThrow();
    expect(refusal(() => checkApiKeyLimits({ requestsPerMinute: 0, tokensPerMinute: 5 }))).toMatch(
      /^Requests per minute are between 1 and 100,000\.$/,
    );
    expect(
      refusal(() => checkApiKeyLimits({ requestsPerMinute: 5, tokensPerMinute: 100_000_001 })),
    ).toMatch(/^Tokens per minute are between 1 and 100,000,000\.$/);
  });
});

describe("API key status", () => {
  const key = (over: Partial<Parameters<typeof apiKeyStatus>[0]>) => ({
    createdAt: new Date(NOW.getTime() - 60 * DAY),
    expiresAt: new Date(NOW.getTime() + 30 * DAY),
    revokedAt: null,
    previousSecretExpiresAt: null,
    ...over,
  });

  it("is active, expiring soon within a week, expired, or revoked (which beats the rest)", () => {
    expect(apiKeyStatus(key({}), NOW).state).toBe("ACTIVE");
    expect(apiKeyStatus(key({ expiresAt: new Date(NOW.getTime() + 7 * DAY) }), NOW).state).toBe(
      "EXPIRING_SOON",
    );
    expect(apiKeyStatus(key({ expiresAt: NOW }), NOW).state).toBe("EXPIRED");
    expect(apiKeyStatus(key({ expiresAt: new Date(NOW.getTime() + 1) }), NOW).state).toBe(
      "EXPIRING_SOON",
    );
    expect(
      apiKeyStatus(key({ expiresAt: new Date(NOW.getTime() - DAY), revokedAt: NOW }), NOW).state,
    ).toBe("REVOKED");
  });

  it("does not flag a key made for a week as expiring the moment it is made", () => {
    const week = { createdAt: NOW, expiresAt: new Date(NOW.getTime() + 7 * DAY) };
    expect(apiKeyStatus(key(week), NOW).state).toBe("ACTIVE");
    expect(apiKeyStatus(key(week), new Date(NOW.getTime() + 3 * DAY)).state).toBe("ACTIVE");
    expect(apiKeyStatus(key(week), new Date(NOW.getTime() + 4 * DAY)).state).toBe("EXPIRING_SOON");
    // A day-long key is past half its life after twelve hours.
    const day = { createdAt: NOW, expiresAt: new Date(NOW.getTime() + DAY) };
    expect(apiKeyStatus(key(day), new Date(NOW.getTime() + DAY / 4)).state).toBe("ACTIVE");
    expect(apiKeyStatus(key(day), new Date(NOW.getTime() + DAY / 2)).state).toBe("EXPIRING_SOON");
  });

  it("says until when a rotated key's previous secret works, only while it does", () => {
    const until = new Date(NOW.getTime() + 3_600_000);
    expect(apiKeyStatus(key({ previousSecretExpiresAt: until }), NOW)).toEqual({
      state: "ACTIVE",
      previousSecretValidUntil: until,
    });
    expect(
      apiKeyStatus(key({ previousSecretExpiresAt: new Date(NOW.getTime() - 1) }), NOW)
        .previousSecretValidUntil,
    ).toBeNull();
    expect(
      apiKeyStatus(key({ previousSecretExpiresAt: until, revokedAt: NOW }), NOW)
        .previousSecretValidUntil,
    ).toBeNull();
  });
});
