import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter, rateLimit } from "./rate-limit";
import { INVITATIONS_PER_HOUR } from "./routers/invitations/create";
import {
  callerFor,
  createTestOrganization,
  createTestUser,
  failureOf,
  uniqueSuffix,
} from "./test-helpers";

afterAll(closeRateLimiter);

describe("rateLimit", () => {
  it("allows `limit` hits per window and then refuses, saying when to retry", async () => {
    const key = `test:${uniqueSuffix()}`;
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await rateLimit(key, 3, 600));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it("counts each key on its own", async () => {
    const a = `test:${uniqueSuffix()}`;
    const b = `test:${uniqueSuffix()}`;
    expect((await rateLimit(a, 1, 60)).allowed).toBe(true);
    expect((await rateLimit(a, 1, 60)).allowed).toBe(false);
    expect((await rateLimit(b, 1, 60)).allowed).toBe(true);
  });
});

describe("invitations.create rate limit", () => {
  it(`refuses invitation number ${INVITATIONS_PER_HOUR + 1} in an hour with TOO_MANY_REQUESTS`, async () => {
    const owner = await createTestUser();
    const org = await createTestOrganization(owner.id);
    const caller = callerFor(owner);
    for (let i = 0; i < INVITATIONS_PER_HOUR; i += 1) {
      await caller.invitations.create({
        organizationId: org.id,
        email: `burst-${i}-${uniqueSuffix()}@tessera.test`,
        role: "VIEWER",
      });
    }
    const failure = await failureOf(
      caller.invitations.create({
        organizationId: org.id,
        email: `one-too-many-${uniqueSuffix()}@tessera.test`,
        role: "VIEWER",
      }),
    );
    expect(failure.code).toBe("TOO_MANY_REQUESTS");
    expect(failure.message).toMatch(/Try again in \d+ minutes?\./);
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(
      INVITATIONS_PER_HOUR,
    );
  });
});
