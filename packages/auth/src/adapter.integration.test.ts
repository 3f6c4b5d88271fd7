import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { AUTH_PROVIDER_ID } from "@tessera/config";
import { db } from "@tessera/db";
import { tesseraAdapter } from "./adapter";
import { resolveSessionUser } from "./session";

const adapter = tesseraAdapter(db);
const suffix = randomBytes(4).toString("hex");
const createdUserIds: string[] = [];

async function newUser(email: string) {
  const user = await adapter.createUser({
    id: randomUUID(),
    email,
    name: "Test Person",
    emailVerified: null,
  });
  createdUserIds.push(user.id);
  return user;
}

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: createdUserIds } } });
});

describe("tesseraAdapter", () => {
  it("links an identity-provider account to a new user and finds the user by it", async () => {
    const user = await newUser(`Mixed.Case-${suffix}@example.test`);
    const providerAccountId = `sub-${suffix}`;
    await adapter.linkAccount({
      userId: user.id,
      type: "oidc",
      provider: AUTH_PROVIDER_ID,
      providerAccountId,
      access_token: "secret-access-token",
      id_token: "secret-id-token",
    });

    const found = await adapter.getUserByAccount({ provider: AUTH_PROVIDER_ID, providerAccountId });
    expect(found?.id).toBe(user.id);
    expect(found?.email).toBe(`mixed.case-${suffix}@example.test`);
    expect((await adapter.getUserByEmail(`MIXED.case-${suffix}@EXAMPLE.test`))?.id).toBe(user.id);
    expect(
      await adapter.getUserByAccount({
        provider: AUTH_PROVIDER_ID,
        providerAccountId: `other-${suffix}`,
      }),
    ).toBeNull();

    // Provider tokens are never kept.
    const account = await db.account.findUniqueOrThrow({
      where: { provider_providerAccountId: { provider: AUTH_PROVIDER_ID, providerAccountId } },
    });
    expect(account.access_token).toBeNull();
    expect(account.id_token).toBeNull();
  });

  it("deleting a session (signing out) makes its token stop working", async () => {
    const user = await newUser(`session-${suffix}@example.test`);
    const sessionToken = randomBytes(32).toString("base64url");
    await adapter.createSession({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });

    expect((await adapter.getSessionAndUser(sessionToken))?.user.id).toBe(user.id);
    expect((await resolveSessionUser(db, sessionToken))?.id).toBe(user.id);

    const deleted = await adapter.deleteSession(sessionToken);
    expect(deleted?.userId).toBe(user.id);
    expect(await adapter.getSessionAndUser(sessionToken)).toBeNull();
    expect(await resolveSessionUser(db, sessionToken)).toBeNull();
    // Signing out twice (two tabs) is not an error.
    expect(await adapter.deleteSession(sessionToken)).toBeNull();
  });

  it("an expired session resolves to nobody, and updating a missing session returns null", async () => {
    const user = await newUser(`expired-${suffix}@example.test`);
    const sessionToken = randomBytes(32).toString("base64url");
    await adapter.createSession({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() - 1_000),
    });
    expect(await resolveSessionUser(db, sessionToken)).toBeNull();

    const extended = await adapter.updateSession({
      sessionToken,
      expires: new Date(Date.now() + 60_000),
    });
    expect(extended?.sessionToken).toBe(sessionToken);
    expect((await resolveSessionUser(db, sessionToken))?.id).toBe(user.id);
    expect(await adapter.updateSession({ sessionToken: `missing-${suffix}` })).toBeNull();
  });
});
