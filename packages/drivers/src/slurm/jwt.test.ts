import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DriverError } from "@tessera/core";
import { mintSlurmToken, SlurmTokenSource } from "./jwt";

const key = Buffer.from("0123456789abcdef0123456789abcdef", "utf8");
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;

describe("mintSlurmToken", () => {
  it("signs HS256 over header.claims with the raw key and carries iat, exp and sun", () => {
    const token = mintSlurmToken(key, "tessera", 1_800_000_000, 900);
    const [header, claims, signature] = token.split(".");
    expect(decode(header!)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(decode(claims!)).toEqual({ iat: 1_800_000_000, exp: 1_800_000_900, sun: "tessera" });
    const expected = createHmac("sha256", key).update(`${header}.${claims}`).digest("base64url");
    expect(signature).toBe(expected);
    expect(token).not.toMatch(/[+/=]/);
  });

  it("gives a different signature for another key", () => {
    const other = Buffer.from("another key of thirty-two bytes!", "utf8");
    expect(mintSlurmToken(key, "tessera", 1, 60)).not.toBe(mintSlurmToken(other, "tessera", 1, 60));
  });
});

describe("SlurmTokenSource", () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-jwt-"));
  const keyFile = join(dir, "jwt.key");
  writeFileSync(keyFile, key);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reuses the token until it is close to expiry, then mints a new one", async () => {
    let now = 1_800_000_000_000;
    const source = new SlurmTokenSource({
      keyFile,
      userName: "tessera",
      lifetimeSeconds: 600,
      renewBeforeSeconds: 60,
      now: () => now,
    });
    const first = await source.token();
    now += 500_000;
    expect(await source.token()).toBe(first);
    now += 50_000;
    const second = await source.token();
    expect(second).not.toBe(first);
    expect(decode(second.split(".")[1]!)).toMatchObject({ iat: 1_800_000_550, sun: "tessera" });
  });

  it("mints again after invalidate", async () => {
    let now = 1_800_000_000_000;
    const source = new SlurmTokenSource({ keyFile, userName: "tessera", now: () => now });
    const first = await source.token();
    now += 1000;
    source.invalidate();
    expect(await source.token()).not.toBe(first);
  });

  it("fails retryably, naming the file, when the key cannot be read", async () => {
    const source = new SlurmTokenSource({ keyFile: join(dir, "missing.key"), userName: "tessera" });
    const error = await source.token().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).retryable).toBe(true);
    expect((error as DriverError).message).toContain("missing.key");
  });
});
