import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { API_KEY_CHANGES_CHANNEL, hashApiKeySecret, parseApiKey } from "@tessera/core";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import {
  callerFor,
  createTestMember,
  createTestOrganization,
  createTestUser,
  failureOf,
} from "../../test-helpers";

/** Every key id announced on the gateways' channel while the tests run. */
const announced: string[] = [];
let subscriber: Redis;

beforeAll(async () => {
  subscriber = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: 1 });
  subscriber.on("message", (channel: string, message: string) => {
    if (channel === API_KEY_CHANGES_CHANNEL) announced.push(message);
  });
  await subscriber.subscribe(API_KEY_CHANGES_CHANNEL);
});

afterAll(async () => {
  await subscriber.quit();
  await closeRateLimiter();
});

/** The announcements of `id` so far, once the ones already published have arrived (PING after them). */
async function announcementsOf(id: string): Promise<number> {
  const probe = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: 1 });
  const marker = `probe-${id}-${announced.length}`;
  await probe.publish(API_KEY_CHANGES_CHANNEL, marker);
  await probe.quit();
  // Redis delivers a channel's messages in order: once the marker is here, so is all before it.
  for (let i = 0; i < 500 && !announced.includes(marker); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(announced).toContain(marker);
  return announced.filter((message) => message === id).length;
}

async function tenantWithProject() {
  const owner = await createTestUser();
  const org = await createTestOrganization(owner.id, "VERIFIED");
  const caller = callerFor(owner);
  const project = await caller.projects.create({
    organizationId: org.id,
    name: "Gateway project",
    classification: "INTERNAL",
  });
  return { owner, org, caller, project };
}

describe("apiKeys procedures", () => {
  it("hand out the key once, announce every change to the gateways after it commits, and nothing when nothing changed", async () => {
    const { org, caller, project } = await tenantWithProject();
    const created = await caller.apiKeys.create({
      organizationId: org.id,
      projectId: project.id,
      name: "Notebook",
      expiresInDays: 7,
    });
    const { id, secret } = parseApiKey(created.secretKey)!;
    expect(created.key.prefix).toBe(`tsk_${id}_…`);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).secretSha256).toBe(
      hashApiKeySecret(secret),
    );
    expect(await announcementsOf(id)).toBe(1);

    const listed = await caller.apiKeys.list({ organizationId: org.id });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.items[0]).not.toHaveProperty("secretKey");

    const rotated = await caller.apiKeys.rotate({
      organizationId: org.id,
      apiKeyId: id,
      grace: "DAY",
    });
    expect(parseApiKey(rotated.secretKey)?.id).toBe(id);
    expect(rotated.key.status.previousSecretValidUntil).not.toBeNull();
    expect(await announcementsOf(id)).toBe(2);

    await caller.apiKeys.update({ organizationId: org.id, apiKeyId: id, requestsPerMinute: 60 });
    expect(await announcementsOf(id)).toBe(3);
    // The same limits again change nothing, so there is nothing to announce.
    const same = await caller.apiKeys.update({
      organizationId: org.id,
      apiKeyId: id,
      requestsPerMinute: 60,
    });
    expect(same.changed).toBe(false);
    expect(await announcementsOf(id)).toBe(3);

    const revoked = await caller.apiKeys.revoke({ organizationId: org.id, apiKeyId: id });
    expect(revoked.changed).toBe(true);
    expect(await announcementsOf(id)).toBe(4);
    const again = await caller.apiKeys.revoke({ organizationId: org.id, apiKeyId: id });
    expect(again).toMatchObject({
      changed: false,
      message: "Notebook was already revoked; nothing changed.",
    });
    expect(await announcementsOf(id)).toBe(4);
  });

  it("refuse a key without an expiry, with two, or with one out of range, and write nothing", async () => {
    const { org, caller, project } = await tenantWithProject();
    const base = { organizationId: org.id, projectId: project.id, name: "No expiry" };
    for (const input of [
      base,
      { ...base, expiresInDays: 30, expiresOn: "2099-01-01" },
      { ...base, expiresInDays: 400 },
      { ...base, expiresInDays: 0 },
      { ...base, expiresOn: "2099-01-01" },
    ]) {
      const failure = await failureOf(caller.apiKeys.create(input));
      expect(failure.code, JSON.stringify(input)).toBe("BAD_REQUEST");
    }
    expect(await db.apiKey.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("let members create and manage their own keys; viewers only read; owners revoke anyone's", async () => {
    const { org, caller: ownerCaller, project } = await tenantWithProject();
    const { user: member } = await createTestMember(org.id, "MEMBER");
    const { user: viewer } = await createTestMember(org.id, "VIEWER");
    const memberCaller = callerFor(member);
    const viewerCaller = callerFor(viewer);
    const input = { organizationId: org.id, projectId: project.id, expiresInDays: 30 };
    const mine = await memberCaller.apiKeys.create({ ...input, name: "Member's key" });
    const owners = await ownerCaller.apiKeys.create({ ...input, name: "Owner's key" });

    const viewerTry = await failureOf(viewerCaller.apiKeys.create({ ...input, name: "Viewer's" }));
    expect(viewerTry).toEqual({
      code: "FORBIDDEN",
      message: "Your role (viewer) may not do this.",
    });
    const seen = await viewerCaller.apiKeys.list({ organizationId: org.id });
    expect(seen.items.map((key) => [key.name, key.manageable])).toEqual([
      ["Owner's key", false],
      ["Member's key", false],
    ]);

    const notTheirs = await failureOf(
      memberCaller.apiKeys.revoke({ organizationId: org.id, apiKeyId: owners.key.id }),
    );
    expect(notTheirs.code).toBe("FORBIDDEN");
    expect(
      await memberCaller.apiKeys.revoke({ organizationId: org.id, apiKeyId: mine.key.id }),
    ).toMatchObject({ changed: true });
    const { key: ownersView } = await ownerCaller.apiKeys.rotate({
      organizationId: org.id,
      apiKeyId: owners.key.id,
      grace: "NONE",
    });
    expect(ownersView.status.previousSecretValidUntil).toBeNull();
  });
});
