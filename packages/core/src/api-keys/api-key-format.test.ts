import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  apiKeyPrefix,
  base32,
  formatApiKey,
  hashApiKeySecret,
  mintApiKeySecret,
  newApiKeyId,
  newApiKeySecret,
  parseApiKey,
  secretMatches,
} from "./api-key-format";

describe("API key format", () => {
  it("encodes base32 as RFC 4648 does, in lower case without padding", () => {
    // RFC 4648 section 10 test vectors.
    const cases: [string, string][] = [
      ["", ""],
      ["f", "my"],
      ["fo", "mzxq"],
      ["foo", "mzxw6"],
      ["foob", "mzxw6yq"],
      ["fooba", "mzxw6ytb"],
      ["foobar", "mzxw6ytboi"],
    ];
    for (const [input, expected] of cases) expect(base32(Buffer.from(input))).toBe(expected);
    expect(base32(Buffer.alloc(10, 0xff))).toBe("7".repeat(16));
  });

  it("makes ids of 16 base32 characters and secrets of 43 base64url characters, fresh each time", () => {
    const ids = new Set(Array.from({ length: 200 }, newApiKeyId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{16}$/);
    const secret = newApiKeySecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newApiKeySecret()).not.toBe(secret);
  });

  it("writes the key as tsk_<id>_<secret> and parses it back, refusing anything else", () => {
    const id = newApiKeyId();
    const secret = newApiKeySecret();
    const key = formatApiKey(id, secret);
    expect(key).toBe(`tsk_${id}_${secret}`);
    expect(parseApiKey(key)).toEqual({ id, secret });
    for (const bad of [
      "",
      `tsk_${id}`,
      `tsk_${id}_${secret}x`,
      `tsk_${id.toUpperCase()}_${secret}`,
      `sk_${id}_${secret}`,
      `tsk_${id}_${secret.slice(1)}`,
      ` ${key}`,
    ]) {
      expect(parseApiKey(bad), bad).toBeNull();
    }
    expect(apiKeyPrefix(id)).toBe(`tsk_${id}_…`);
  });

  it("stores the lower-case hex SHA-256 of the secret's UTF-8 bytes and checks a secret against it", () => {
    const secret = newApiKeySecret();
    const hash = hashApiKeySecret(secret);
    expect(hash).toBe(createHash("sha256").update(Buffer.from(secret, "utf8")).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(newApiKeySecret(), hash)).toBe(false);
    expect(secretMatches(secret, null)).toBe(false);
    expect(secretMatches(secret, hash.toUpperCase())).toBe(false);
    expect(secretMatches("short", hashApiKeySecret("short"))).toBe(false);
  });

  it("mints a full key whose secret part hashes to the stored hash", () => {
    const id = newApiKeyId();
    const { fullKey, secretSha256 } = mintApiKeySecret(id);
    const parsed = parseApiKey(fullKey);
    expect(parsed?.id).toBe(id);
    expect(secretMatches(parsed!.secret, secretSha256)).toBe(true);
  });
});
