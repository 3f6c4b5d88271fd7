import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import {
  auditHash,
  auditHashParts,
  canonicalJson,
  GENESIS_HASH,
  type HashedAuditFields,
} from "./hash";

const fields: HashedAuditFields = {
  occurredAt: new Date("2026-01-02T03:04:05.678Z"),
  actorId: "user_1",
  actorEmail: "ada@northbridge.test",
  organizationId: "org_1",
  action: "organization.created",
  targetType: "Organization",
  targetId: "org_1",
  ip: "203.0.113.7",
  userAgent: "test",
  data: { b: 1, a: { d: [1, 2, { f: null, e: "x" }], c: true } },
  prevHash: GENESIS_HASH,
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1}',
    );
  });

  it("is the same for the same value however its keys were ordered (as after a jsonb round trip)", () => {
    const roundTripped = JSON.parse(
      JSON.stringify({ a: { c: true, d: [1, 2, { e: "x", f: null }] }, b: 1 }),
    ) as unknown;
    expect(canonicalJson(roundTripped)).toBe(canonicalJson(fields.data));
  });

  it("drops undefined properties like JSON does", () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe("auditHash", () => {
  it("is a hex SHA-256", () => {
    expect(auditHash(fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("covers every field", () => {
    const base = auditHash(fields);
    const variants: Partial<HashedAuditFields>[] = [
      { occurredAt: new Date("2026-01-02T03:04:05.679Z") },
      { actorId: "user_2" },
      { actorEmail: "eve@x.test" },
      { organizationId: null },
      { action: "organization.verified" },
      { targetType: "Project" },
      { targetId: "org_2" },
      { ip: null },
      { userAgent: "other" },
      { data: { b: 2 } },
      { prevHash: "f".repeat(64) },
    ];
    for (const change of variants) expect(auditHash({ ...fields, ...change })).not.toBe(base);
  });

  it("ignores properties outside the chained fields, such as a stored row's id and hash", () => {
    const row = { ...fields, id: 42n, hash: "whatever" };
    expect(auditHash(row)).toBe(auditHash(fields));
  });
});

describe("auditHashParts", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  it("hashes the same as auditHash once the previous hash is put between head and tail", () => {
    const prev = "a1".repeat(32);
    const { head, tail } = auditHashParts(fields);
    expect(sha256(head + prev + tail)).toBe(auditHash({ ...fields, prevHash: prev }));
    expect(sha256(head + GENESIS_HASH + tail)).toBe(auditHash(fields));
  });

  it("cuts at the top-level previous hash even when the data or later fields look like one", () => {
    const tricky: HashedAuditFields = {
      ...fields,
      data: { prevHash: "p".repeat(64), nested: { prevHash: "" } },
      targetId: `"prevHash":"${"p".repeat(64)}"`,
      userAgent: "p".repeat(64),
    };
    const prev = "0f".repeat(32);
    const { head, tail } = auditHashParts(tricky);
    expect(head.endsWith(',"prevHash":"')).toBe(true);
    expect(sha256(head + prev + tail)).toBe(auditHash({ ...tricky, prevHash: prev }));
  });
});
