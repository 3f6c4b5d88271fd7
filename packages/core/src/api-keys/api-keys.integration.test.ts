import { describe, expect, it, vi } from "vitest";
import { db, tenantScoped, type MembershipRole } from "@tessera/db";
import type { Actor } from "../actor";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { AppError } from "../errors";
import {
  createEndpointSetup,
  deployTestEndpoint,
  type EndpointSetup,
} from "../endpoints/endpoint-fixture";
import type { TenantAccess } from "../tenancy/tenant-access";
import { hashApiKeySecret, parseApiKey, secretMatches } from "./api-key-format";
import { createApiKey, type CreateApiKeyInput } from "./create-api-key";
import { getApiKey } from "./get-api-key";
import { getApiKeyFormOptions } from "./get-api-key-form-options";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { rotateApiKey } from "./rotate-api-key";
import { updateApiKeyLimits } from "./update-api-key-limits";

const DAY = 86_400_000;

const asText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

async function refusalOf(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

function keyInput(setup: EndpointSetup, over: Partial<CreateApiKeyInput> = {}): CreateApiKeyInput {
  return { name: "Chat app", projectId: setup.projectId, expiry: { days: 30 }, ...over };
}

/** Every row and audit event of the organisation's keys, as text, for "nothing changed". */
async function keysOf(organizationId: string) {
  const [keys, audit] = await Promise.all([
    db.apiKey.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { organizationId, action: { startsWith: "api_key." } } }),
  ]);
  return asText({ keys, audit });
}

/** Another person of the organisation with `role`, acting through their own tenant access. */
async function colleague(setup: EndpointSetup, role: MembershipRole) {
  const suffix = Math.random().toString(36).slice(2, 10);
  const user = await db.user.create({
    data: { name: `Colleague ${suffix}`, email: `colleague-${suffix}@tessera.test` },
  });
  await db.membership.create({
    data: { organizationId: setup.organizationId, userId: user.id, role },
  });
  const tenant: TenantAccess = { ...setup.tenant, role };
  const actor: Actor = { userId: user.id, email: user.email, ip: "127.0.0.1", userAgent: "vitest" };
  return { tenant, actor };
}

/** The tenant's access, but reading its users fails (as a summary's step might). */
function failingUserReads(tenant: TenantAccess): TenantAccess {
  const failing = {
    findMany: () => Promise.reject(new Error("users cannot be read now")),
  };
  const dbProxy = new Proxy(tenant.db, {
    get(target, prop, receiver) {
      if (prop === "user") return failing;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  return { ...tenant, db: dbProxy };
}

describe("API keys", () => {
  it("are shown once: only the secret's SHA-256 is stored, and no list, view or audit event holds either", async () => {
    const setup = await createEndpointSetup(db);
    const before = Date.now();
    const issued = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    const parsed = parseApiKey(issued.secretKey);
    expect(parsed).not.toBeNull();
    const { id, secret } = parsed!;
    expect(issued.key).toMatchObject({
      id,
      prefix: `tsk_${id}_…`,
      name: "Chat app",
      project: { id: setup.projectId, name: "Quota" },
      requestsPerMinute: 600,
      tokensPerMinute: 200_000,
      allowFallback: false,
      allowedModels: [],
      endpoints: [],
      revokedAt: null,
      lastUsedAt: null,
      status: { state: "ACTIVE", previousSecretValidUntil: null },
      manageable: true,
    });
    expect(issued.key.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(issued.key.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.secretSha256).toBe(hashApiKeySecret(secret));
    expect(secretMatches(secret, row.secretSha256)).toBe(true);
    expect(row).toMatchObject({
      organizationId: setup.organizationId,
      createdById: setup.actor.userId,
      previousSecretSha256: null,
    });
    expect(JSON.stringify(row)).not.toContain(secret);

    const listed = await listApiKeys(setup.tenant, setup.actor, {});
    const read = await getApiKey(setup.tenant, setup.actor, id);
    const audit = await db.auditEvent.findMany({ where: { targetType: "ApiKey", targetId: id } });
    expect(listed.items.map((key) => key.id)).toEqual([id]);
    expect(audit.map((event) => event.action)).toEqual(["api_key.created"]);
    expect(audit[0]!.data).toMatchObject({ name: "Chat app", requestsPerMinute: 600 });
    for (const shown of [listed, read, issued.key, audit]) {
      const text = asText(shown);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(row.secretSha256);
      expect(text).not.toMatch(/secretSha256/);
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("rotate under the same id, the old secret valid until the chosen grace ends", async () => {
    const setup = await createEndpointSetup(db);
    const first = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    const { id, secret: firstSecret } = parseApiKey(first.secretKey)!;
    const created = await db.apiKey.findUniqueOrThrow({ where: { id } });

    const before = Date.now();
    const second = await rotateApiKey(setup.tenant, setup.actor, { id, grace: "HOUR" });
    const { id: sameId, secret: secondSecret } = parseApiKey(second.secretKey)!;
    expect(sameId).toBe(id);
    expect(secondSecret).not.toBe(firstSecret);
    const rotated = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(secretMatches(secondSecret, rotated.secretSha256)).toBe(true);
    expect(secretMatches(firstSecret, rotated.secretSha256)).toBe(false);
    expect(secretMatches(firstSecret, rotated.previousSecretSha256)).toBe(true);
    const graceEnd = rotated.previousSecretExpiresAt!.getTime();
    expect(graceEnd).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(rotated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    expect(rotated.expiresAt).toEqual(created.expiresAt);
    expect(second.key.status).toEqual({
      state: "ACTIVE",
      previousSecretValidUntil: rotated.previousSecretExpiresAt,
    });

    // Rotating again while the first secret is in its grace: it stops at once, the second takes its place.
    const third = await rotateApiKey(setup.tenant, setup.actor, { id, grace: "WEEK" });
    const thirdSecret = parseApiKey(third.secretKey)!.secret;
    const again = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(secretMatches(firstSecret, again.previousSecretSha256)).toBe(false);
    expect(secretMatches(secondSecret, again.previousSecretSha256)).toBe(true);
    expect(again.previousSecretExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);

    // No grace: only the new secret works.
    await rotateApiKey(setup.tenant, setup.actor, { id, grace: "NONE" });
    const sharp = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(sharp.previousSecretSha256).toBeNull();
    expect(sharp.previousSecretExpiresAt).toBeNull();
    expect(secretMatches(thirdSecret, sharp.secretSha256)).toBe(false);

    const audit = await db.auditEvent.findMany({
      where: { targetType: "ApiKey", targetId: id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => [event.action, (event.data as { grace?: string }).grace])).toEqual([
      ["api_key.created", undefined],
      ["api_key.rotated", "HOUR"],
      ["api_key.rotated", "WEEK"],
      ["api_key.rotated", "NONE"],
    ]);
    const auditText = asText(audit);
    for (const secret of [firstSecret, secondSecret, thirdSecret])
      expect(auditText).not.toContain(secret);
    expect(auditText).not.toContain(rotated.secretSha256);
    expect(auditText).not.toContain(created.secretSha256);
  });

  it("revoke once; revoking again changes nothing and says so; a revoked or expired key cannot be rotated or edited", async () => {
    const setup = await createEndpointSetup(db);
    const { key } = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    const revoked = await revokeApiKey(setup.tenant, setup.actor, { id: key.id });
    expect(revoked).toMatchObject({ id: key.id, changed: true });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt).toEqual(revoked.revokedAt);

    const before = await keysOf(setup.organizationId);
    const twice = await revokeApiKey(setup.tenant, setup.actor, { id: key.id });
    expect(twice).toMatchObject({ changed: false, revokedAt: revoked.revokedAt });
    expect(twice.message).toBe("Chat app was already revoked; nothing changed.");
    const rotate = await refusalOf(
      rotateApiKey(setup.tenant, setup.actor, { id: key.id, grace: "DAY" }),
    );
    expect(rotate.code).toBe("PRECONDITION_FAILED");
    expect(rotate.message).toBe("This key has been revoked; create a new key instead.");
    const edit = await refusalOf(
      updateApiKeyLimits(setup.tenant, setup.actor, { id: key.id, requestsPerMinute: 5 }),
    );
    expect(edit.code).toBe("PRECONDITION_FAILED");
    expect(await keysOf(setup.organizationId)).toBe(before);
    expect((await getApiKey(setup.tenant, setup.actor, key.id)).status.state).toBe("REVOKED");

    const { key: old } = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    await db.apiKey.update({
      where: { id: old.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await refusalOf(
      rotateApiKey(setup.tenant, setup.actor, { id: old.id, grace: "NONE" }),
    );
    expect(expired.message).toBe("This key has expired; create a new key instead.");
    expect((await getApiKey(setup.tenant, setup.actor, old.id)).status.state).toBe("EXPIRED");
  });

  it("are not found by another organisation, which cannot use this one's project or endpoints either", async () => {
    const victim = await createEndpointSetup(db);
    const endpoint = await deployTestEndpoint(victim);
    const { key } = await createApiKey(victim.tenant, victim.actor, keyInput(victim));
    const stranger = await createEndpointSetup(db);
    const before = await keysOf(victim.organizationId);

    const attempts: [string, () => Promise<unknown>][] = [
      ["API key", () => getApiKey(stranger.tenant, stranger.actor, key.id)],
      [
        "API key",
        () => rotateApiKey(stranger.tenant, stranger.actor, { id: key.id, grace: "NONE" }),
      ],
      ["API key", () => revokeApiKey(stranger.tenant, stranger.actor, { id: key.id })],
      [
        "API key",
        () => updateApiKeyLimits(stranger.tenant, stranger.actor, { id: key.id, name: "Mine" }),
      ],
      ["Project", () => createApiKey(stranger.tenant, stranger.actor, keyInput(victim))],
      [
        "Endpoint",
        () =>
          createApiKey(
            stranger.tenant,
            stranger.actor,
            keyInput(stranger, { allowedEndpointIds: [endpoint.id] }),
          ),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const refusal = await refusalOf(attempt());
      expect(refusal.code).toBe("NOT_FOUND");
      expect(refusal.message).toBe(`${what} not found.`);
    }
    expect((await listApiKeys(stranger.tenant, stranger.actor, {})).items).toEqual([]);
    expect(await keysOf(victim.organizationId)).toBe(before);
    expect(await db.apiKey.count({ where: { organizationId: stranger.organizationId } })).toBe(0);

    // The database refuses a key for another organisation's project however it is written.
    await expect(
      db.apiKey.create({
        data: {
          id: "aaaaaaaaaaaaaaaa",
          organizationId: stranger.organizationId,
          projectId: victim.projectId,
          name: "Smuggled",
          secretSha256: "0".repeat(64),
          requestsPerMinute: 1,
          tokensPerMinute: 1,
          expiresAt: new Date(Date.now() + DAY),
        },
      }),
    ).rejects.toThrow();
  });

  it("expire 1 to 365 days ahead, never later and never not at all; a refusal writes nothing", async () => {
    const setup = await createEndpointSetup(db);
    const before = await keysOf(setup.organizationId);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const tooFar = new Date(Date.now() + 367 * DAY).toISOString().slice(0, 10);
    for (const expiry of [{ days: 0 }, { days: 366 }, { date: today }, { date: tooFar }]) {
      const refusal = await refusalOf(
        createApiKey(setup.tenant, setup.actor, keyInput(setup, { expiry })),
      );
      expect(refusal.code, JSON.stringify(expiry)).toBe("INVALID");
      expect(refusal.message).toBe("Choose an expiry 1 to 365 days from today.");
    }
    expect(await keysOf(setup.organizationId)).toBe(before);
    const year = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, { expiry: { days: 365 } }),
    );
    expect(year.key.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 365 * DAY);
    const byDate = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, { expiry: { date: tomorrow } }),
    );
    expect(byDate.key.expiresAt.toISOString()).toBe(
      new Date(Date.parse(`${tomorrow}T00:00:00Z`) + DAY).toISOString(),
    );
  });

  it("are limited to the organisation's own endpoints and the models they serve", async () => {
    const setup = await createEndpointSetup(db);
    const endpoint = await deployTestEndpoint(setup);
    const options = await getApiKeyFormOptions(setup.tenant);
    expect(options.models).toEqual([setup.modelName]);
    expect(options.endpoints).toEqual([
      { id: endpoint.id, name: "Test endpoint", model: setup.modelName },
    ]);
    expect(options.projects).toMatchObject([
      { id: setup.projectId, name: "Quota", reach: { example: setup.modelName, blocked: null } },
    ]);

    const scoped = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, {
        allowedModels: [setup.modelName, setup.modelName],
        allowedEndpointIds: [endpoint.id],
        allowFallback: true,
        requestsPerMinute: 60,
        tokensPerMinute: 10_000,
      }),
    );
    expect(scoped.key).toMatchObject({
      allowedModels: [setup.modelName],
      endpoints: [{ id: endpoint.id, name: "Test endpoint" }],
      allowFallback: true,
      requestsPerMinute: 60,
      tokensPerMinute: 10_000,
    });
    const unknown = await refusalOf(
      createApiKey(setup.tenant, setup.actor, keyInput(setup, { allowedModels: ["gpt-4o"] })),
    );
    expect(unknown).toMatchObject({ code: "INVALID" });
    expect(unknown.message).toMatch(
      /^"gpt-4o" is not served by any of this organisation's endpoints/,
    );
    const limits = await refusalOf(
      createApiKey(setup.tenant, setup.actor, keyInput(setup, { tokensPerMinute: 0 })),
    );
    expect(limits.message).toBe("Tokens per minute are between 1 and 100,000,000.");
  });

  it("are managed by their creator and by owners and admins; editing writes only what differs", async () => {
    const setup = await createEndpointSetup(db);
    const member = await colleague(setup, "MEMBER");
    const admin = await colleague(setup, "ADMIN");
    const { key: ownersKey } = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    const { key: membersKey } = await createApiKey(member.tenant, member.actor, keyInput(setup));

    const listedByMember = await listApiKeys(member.tenant, member.actor, {});
    expect(Object.fromEntries(listedByMember.items.map((key) => [key.id, key.manageable]))).toEqual(
      { [ownersKey.id]: false, [membersKey.id]: true },
    );

    const before = await keysOf(setup.organizationId);
    for (const attempt of [
      () => revokeApiKey(member.tenant, member.actor, { id: ownersKey.id }),
      () => rotateApiKey(member.tenant, member.actor, { id: ownersKey.id, grace: "NONE" }),
      () =>
        updateApiKeyLimits(member.tenant, member.actor, { id: ownersKey.id, tokensPerMinute: 1 }),
    ]) {
      const refusal = await refusalOf(attempt());
      expect(refusal.code).toBe("FORBIDDEN");
    }
    expect(await keysOf(setup.organizationId)).toBe(before);

    const edited = await updateApiKeyLimits(member.tenant, member.actor, {
      id: membersKey.id,
      name: "  Batch jobs ",
      tokensPerMinute: 50_000,
      requestsPerMinute: 600,
    });
    expect(edited.changed).toBe(true);
    expect(edited.key).toMatchObject({ name: "Batch jobs", tokensPerMinute: 50_000 });
    const updated = await db.auditEvent.findFirstOrThrow({
      where: { targetId: membersKey.id, action: "api_key.updated" },
    });
    expect(updated.data).toEqual({
      changes: {
        name: { from: "Chat app", to: "Batch jobs" },
        tokensPerMinute: { from: 200_000, to: 50_000 },
      },
    });
    const same = await updateApiKeyLimits(member.tenant, member.actor, {
      id: membersKey.id,
      tokensPerMinute: 50_000,
    });
    expect(same.changed).toBe(false);
    expect(
      await db.auditEvent.count({ where: { targetId: membersKey.id, action: "api_key.updated" } }),
    ).toBe(1);

    // An admin may revoke anyone's key.
    const revoked = await revokeApiKey(admin.tenant, admin.actor, { id: membersKey.id });
    expect(revoked.changed).toBe(true);
  });

  it("are issued only to verified organisations", async () => {
    const setup = await createEndpointSetup(db);
    await db.organization.update({
      where: { id: setup.organizationId },
      data: { status: "SUSPENDED" },
    });
    const tenant = { ...setup.tenant, db: tenantScoped(db, setup.organizationId) };
    const refusal = await refusalOf(createApiKey(tenant, setup.actor, keyInput(setup)));
    expect(refusal.code).toBe("PRECONDITION_FAILED");
    expect(await db.apiKey.count({ where: { organizationId: setup.organizationId } })).toBe(0);
  });

  it("name in their example only a model the gateway would serve them: the project's residency and the key's scope decide", async () => {
    const setup = await createEndpointSetup(db);
    const empty = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    expect(empty.key.reach).toEqual({
      example: null,
      blocked: "NONE",
      place: { kind: "ANYWHERE" },
      remedy: "DEPLOY",
    });

    // The endpoint lands on the organisation's simulated cluster, in DE.
    const endpoint = await deployTestEndpoint(setup);
    const gbProject = await db.project.create({
      data: {
        organizationId: setup.organizationId,
        slug: `gb-${endpoint.id.slice(-6)}`,
        name: "Data stays in GB",
        residency: "GB",
      },
    });
    const open = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    expect(open.key.reach).toEqual({
      example: setup.modelName,
      blocked: null,
      place: { kind: "ANYWHERE" },
      remedy: null,
    });
    const gb = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, { projectId: gbProject.id }),
    );
    // What the portal sends is what it shows: no model list, no gateway words it never renders.
    expect(gb.key.reach).toEqual({
      example: null,
      blocked: "PLACE",
      place: { kind: "IN", place: "GB" },
      remedy: expect.stringMatching(/^(DEPLOY|ASK_OPERATORS)$/) as string,
    });
    // The list and the form say the same, before and after a key is made.
    const listed = await listApiKeys(setup.tenant, setup.actor, {});
    expect(listed.items.find((key) => key.id === gb.key.id)?.reach.blocked).toBe("PLACE");
    expect(listed.items.find((key) => key.id === empty.key.id)?.reach.example).toBe(
      setup.modelName,
    );
    const options = await getApiKeyFormOptions(setup.tenant);
    expect(
      options.projects.map((project) => [
        project.name,
        project.reach.blocked,
        project.reach.example,
      ]),
    ).toEqual([
      ["Data stays in GB", "PLACE", null],
      ["Quota", null, setup.modelName],
    ]);
  });

  it("blame an endpoint-limited key's own limits when nothing within them runs, and offer no deploy that could not help", async () => {
    const setup = await createEndpointSetup(db);
    const endpoint = await deployTestEndpoint(setup);
    const gbProject = await db.project.create({
      data: {
        organizationId: setup.organizationId,
        slug: `gb-${endpoint.id.slice(-6)}`,
        name: "Data stays in GB",
        residency: "GB",
      },
    });
    const scoped = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, { allowedEndpointIds: [endpoint.id] }),
    );
    expect(scoped.key.reach).toMatchObject({ example: setup.modelName, blocked: null });

    // Limited to an endpoint on a cluster in DE, for a project whose data stays in GB: a new
    // endpoint in GB would have a new id, which the key may not call.
    const placed = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, { projectId: gbProject.id, allowedEndpointIds: [endpoint.id] }),
    );
    expect(placed.key.reach).toEqual({
      example: null,
      blocked: "PLACE",
      place: { kind: "IN", place: "GB" },
      remedy: "NEW_KEY",
    });

    // Its endpoint is deleted, and the organisation has nothing else: the key's limits are why,
    // not the organisation's lack of endpoints, and deploying would not help.
    await db.endpoint.update({ where: { workloadId: endpoint.id }, data: { status: "DELETED" } });
    const after = await getApiKey(setup.tenant, setup.actor, scoped.key.id);
    expect(after.reach).toEqual({
      example: null,
      blocked: "SCOPE",
      place: { kind: "ANYWHERE" },
      remedy: "NEW_KEY",
    });
    // An open key of the same project still waits for a deploy, which would help it.
    const open = await createApiKey(setup.tenant, setup.actor, keyInput(setup));
    expect(open.key.reach).toMatchObject({ blocked: "NONE", remedy: "DEPLOY" });
  });

  it("tell a model-limited key that only an endpoint of one of its models would help", async () => {
    const setup = await createEndpointSetup(db);
    const endpoint = await deployTestEndpoint(setup);
    const limited = await createApiKey(
      setup.tenant,
      setup.actor,
      keyInput(setup, { allowedModels: [setup.modelName] }),
    );
    expect(limited.key.reach).toMatchObject({ example: setup.modelName, blocked: null });
    await db.endpoint.update({ where: { workloadId: endpoint.id }, data: { status: "DELETED" } });
    // Deploying an endpoint of its model would help (its scope names a model, not an id).
    expect((await getApiKey(setup.tenant, setup.actor, limited.key.id)).reach).toEqual({
      example: null,
      blocked: "MODELS",
      place: { kind: "ANYWHERE" },
      remedy: "DEPLOY",
    });
  });

  it("hand the creator the secret of a committed key even when reading its summary fails", async () => {
    const setup = await createEndpointSetup(db);
    await deployTestEndpoint(setup);
    // Reading the creator's name, a step of the summary only, fails after the key is written.
    const failing = failingUserReads(setup.tenant);
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => {
      errors.push(args);
    });
    try {
      const issued = await createApiKey(failing, setup.actor, keyInput(setup));
      const { id } = parseApiKey(issued.secretKey)!;
      expect(issued.key).toMatchObject({ id, name: "Chat app", project: { id: setup.projectId } });
      expect(issued.key.reach).toMatchObject({ example: null, blocked: null });
      const stored = await db.apiKey.findUniqueOrThrow({ where: { id } });
      expect(secretMatches(parseApiKey(issued.secretKey)!.secret, stored.secretSha256)).toBe(true);

      const rotated = await rotateApiKey(failing, setup.actor, { id, grace: "NONE" });
      expect(rotated.key.id).toBe(id);
      const again = await db.apiKey.findUniqueOrThrow({ where: { id } });
      expect(secretMatches(parseApiKey(rotated.secretKey)!.secret, again.secretSha256)).toBe(true);
      expect(errors).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
    // Read normally, the key is summarised in full.
    const listed = await listApiKeys(setup.tenant, setup.actor, {});
    expect(listed.items[0]?.reach).toMatchObject({ example: setup.modelName });
  });

  it("say whether any cluster serving endpoints is where the project's data may go, so that deploying would help", async () => {
    const setup = await createEndpointSetup(db);
    // Tuvalu: no other test places a cluster there.
    const tvProject = await db.project.create({
      data: {
        organizationId: setup.organizationId,
        slug: `tv-${setup.organizationId.slice(-6)}`,
        name: "Data stays in TV",
        residency: "TV",
      },
    });
    const reachOfTv = async () =>
      (await getApiKeyFormOptions(setup.tenant)).projects.find((p) => p.id === tvProject.id)!.reach;
    const suffix = setup.organizationId.slice(-8).toLowerCase();
    const cluster = (kind: "SLURM" | "KUBERNETES", active: boolean) => ({
      code: `tv-${kind.toLowerCase()}-${suffix}`,
      name: `Funafuti ${kind} ${suffix}`,
      kind,
      region: "tv-1",
      jurisdiction: "TV",
      active,
    });
    expect(await reachOfTv()).toEqual({
      example: null,
      blocked: "NONE",
      place: { kind: "IN", place: "TV" },
      remedy: "ASK_OPERATORS",
    });
    // A Slurm cluster there runs jobs, not endpoints; a retired one runs nothing.
    const slurm = await db.cluster.create({ data: cluster("SLURM", true) });
    const retired = await db.cluster.create({ data: cluster("KUBERNETES", false) });
    try {
      expect((await reachOfTv()).remedy).toBe("ASK_OPERATORS");
      await db.cluster.update({ where: { id: retired.id }, data: { active: true } });
      expect((await reachOfTv()).remedy).toBe("DEPLOY");
    } finally {
      await db.cluster.deleteMany({ where: { id: { in: [slurm.id, retired.id] } } });
    }
  });
});
