import { AppError } from "../errors";

const DAY_MS = 86_400_000;

export const API_KEY_LIMITS = {
  nameMax: 80,
  requestsPerMinute: { min: 1, max: 100_000, default: 600 },
  tokensPerMinute: { min: 1, max: 100_000_000, default: 200_000 },
  expiryDays: { min: 1, max: 365 },
  /** The expiry presets the form offers, in days. */
  expiryPresetDays: [7, 30, 90, 365],
  /**
   * A key this close to its expiry, and past half its life, is shown as expiring soon (so a key
   * made for a week is not flagged the moment it is made).
   */
  expiringSoonDays: 7,
  /** At most this many models and endpoints may be named in a key's scope. */
  scopeMax: 50,
} as const;

/** How long the previous secret keeps working after a rotation. */
export const ROTATION_GRACE_SECONDS: Record<RotationGrace, number> = {
  NONE: 0,
  HOUR: 3_600,
  DAY: 86_400,
  WEEK: 604_800,
};

export const ROTATION_GRACES = ["NONE", "HOUR", "DAY", "WEEK"] as const;
export type RotationGrace = (typeof ROTATION_GRACES)[number];

/** A key's expiry: a number of days from now, or a calendar date (the key ends when it ends, UTC). */
export type ApiKeyExpiry = { days: number } | { date: string };

const EXPIRY_RANGE = `Choose an expiry ${API_KEY_LIMITS.expiryDays.min} to ${API_KEY_LIMITS.expiryDays.max} days from today.`;

/** When a key with this expiry stops working; refuses anything outside 1 to 365 days. */
export function resolveApiKeyExpiry(expiry: ApiKeyExpiry, now: Date): Date {
  const { min, max } = API_KEY_LIMITS.expiryDays;
  if ("days" in expiry) {
    if (!Number.isSafeInteger(expiry.days) || expiry.days < min || expiry.days > max) {
      throw new AppError("INVALID", EXPIRY_RANGE);
    }
    return new Date(now.getTime() + expiry.days * DAY_MS);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiry.date);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== expiry.date) {
    throw new AppError("INVALID", "Enter the expiry date as a real date, like 2027-01-31.");
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysAhead = Math.round((day - today) / DAY_MS);
  if (daysAhead < min || daysAhead > max) throw new AppError("INVALID", EXPIRY_RANGE);
  // The key works through the whole of the chosen day.
  return new Date(day + DAY_MS);
}

export function checkApiKeyName(raw: string): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > API_KEY_LIMITS.nameMax) {
    throw new AppError("INVALID", `A key's name is 1 to ${API_KEY_LIMITS.nameMax} characters.`);
  }
  return name;
}

export function checkApiKeyLimits(limits: {
  requestsPerMinute: number;
  tokensPerMinute: number;
}): void {
  const { requestsPerMinute: rpm, tokensPerMinute: tpm } = API_KEY_LIMITS;
  const within = (value: number, range: { min: number; max: number }) =>
    Number.isSafeInteger(value) && value >= range.min && value <= range.max;
  if (!within(limits.requestsPerMinute, rpm)) {
    throw new AppError(
      "INVALID",
      `Requests per minute are between ${rpm.min} and ${rpm.max.toLocaleString("en-GB")}.`,
    );
  }
  if (!within(limits.tokensPerMinute, tpm)) {
    throw new AppError(
      "INVALID",
      `Tokens per minute are between ${tpm.min} and ${tpm.max.toLocaleString("en-GB")}.`,
    );
  }
}

export type ApiKeyState = "ACTIVE" | "EXPIRING_SOON" | "EXPIRED" | "REVOKED";

export interface ApiKeyStatus {
  state: ApiKeyState;
  /** Until when the secret replaced by the last rotation still works; null when it no longer does. */
  previousSecretValidUntil: Date | null;
}

/** What a key is now: revoked beats expired beats expiring soon; a rotation's grace is said beside it. */
export function apiKeyStatus(
  key: {
    createdAt: Date;
    expiresAt: Date;
    revokedAt: Date | null;
    previousSecretExpiresAt: Date | null;
  },
  now: Date,
): ApiKeyStatus {
  const left = key.expiresAt.getTime() - now.getTime();
  const lifetime = key.expiresAt.getTime() - key.createdAt.getTime();
  const state: ApiKeyState = key.revokedAt
    ? "REVOKED"
    : left <= 0
      ? "EXPIRED"
      : left <= API_KEY_LIMITS.expiringSoonDays * DAY_MS && left <= lifetime / 2
        ? "EXPIRING_SOON"
        : "ACTIVE";
  const inGrace =
    (state === "ACTIVE" || state === "EXPIRING_SOON") &&
    key.previousSecretExpiresAt !== null &&
    key.previousSecretExpiresAt > now;
  return { state, previousSecretValidUntil: inGrace ? key.previousSecretExpiresAt : null };
}
