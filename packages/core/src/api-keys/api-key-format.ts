import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The key format the gateway relies on: `tsk_<id>_<secret>`. The id is 16 characters of
 * lower-case RFC 4648 base32 (10 random bytes), public and stable across rotation; the secret is
 * 32 random bytes in base64url without padding (43 characters). Only the lower-case hex SHA-256
 * of the secret's UTF-8 bytes is stored: the secret has 256 bits of entropy, so a fast hash is as
 * safe as a slow one and keeps the gateway's check cheap.
 */
export const API_KEY_PREFIX = "tsk_";

/** Redis channel on which every key change is announced (the key's id) after it commits. */
export const API_KEY_CHANGES_CHANNEL = "tessera:gateway:keys";

const BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const ID_PATTERN = /^[a-z2-7]{16}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const KEY_PATTERN = /^tsk_([a-z2-7]{16})_([A-Za-z0-9_-]{43})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** RFC 4648 base32, lower case, no padding. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function newApiKeyId(): string {
  return base32(randomBytes(10));
}

export function newApiKeySecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function formatApiKey(id: string, secret: string): string {
  return `${API_KEY_PREFIX}${id}_${secret}`;
}

/** What may be shown of a key after it was created: its id, never its secret. */
export function apiKeyPrefix(id: string): string {
  return `${API_KEY_PREFIX}${id}_…`;
}

export function isApiKeyId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Splits a presented key into id and secret; null for anything not of the format. */
export function parseApiKey(presented: string): { id: string; secret: string } | null {
  const match = KEY_PATTERN.exec(presented);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Whether `secret` hashes to `sha256Hex`, compared in constant time. */
export function secretMatches(secret: string, sha256Hex: string | null): boolean {
  if (!sha256Hex || !SHA256_HEX.test(sha256Hex) || !SECRET_PATTERN.test(secret)) return false;
  return timingSafeEqual(
    Buffer.from(hashApiKeySecret(secret), "hex"),
    Buffer.from(sha256Hex, "hex"),
  );
}

/** A fresh secret for key `id`: the full key (shown once) and the hash that is stored. */
export function mintApiKeySecret(id: string): { fullKey: string; secretSha256: string } {
  const secret = newApiKeySecret();
  return { fullKey: formatApiKey(id, secret), secretSha256: hashApiKeySecret(secret) };
}
