import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf, uniqueSuffix } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
} from "../programmes/fixtures";
import { createLaunchReadyTenant, createTestServing } from "../workloads/fixtures";

afterAll(closeRateLimiter);

const DAY = 86_400_000;

/** The platform runs a shared endpoint of a model with a token tier of its own. */
async function sharedModel() {
  const platform = await createLaunchReadyTenant();
  const tier = await createTestResourceClass({
    kind: "TOKENS",
    name: `Shared chat tokens ${uniqueSuffix()}`,
  });
  const { model, runtime } = await createTestServing({ tokenResourceClassId: tier.id });
  const endpoint = await callerFor(platform.owner).endpoints.deploy({
    organizationId: platform.org.id,
    projectId: platform.project.id,
    allocationLineId: platform.line.id,
    name: "Shared chat",
    modelId: model.id,
    runtimeId: runtime.id,
    unitsPerReplica: 1,
    minReplicas: 1,
    maxReplicas: 1,
    replicas: 1,
    idleSecondsBeforeZero: null,
  });
  await db.endpoint.update({ where: { workloadId: endpoint.id }, data: { shared: true } });
  return { tier, model, endpointId: endpoint.id };
}

/** An organisation awarded tokens of `tierId`, valid from `validFrom` to `validTo`. */
async function holderOf(tierId: string, validFrom: Date, validTo: Date) {
  const applicant = await createTestApplicant({ country: "DE" });
  const programme = await createTestProgramme();
  const admin = await createProgrammeAdmin();
  const applicationId = await applicationUnderReview(admin, applicant, programme, [
    { resourceClassId: tierId, unitHours: 5 },
  ]);
  await callerFor(admin).applications.admin.approve({ applicationId, validFrom, validTo });
  return applicant;
}

const keyFor = (
  tenant: { org: { id: string }; project: { id: string } },
  allowedModels: string[],
) => ({
  organizationId: tenant.org.id,
  projectId: tenant.project.id,
  name: "Shared model only",
  expiresInDays: 7,
  allowedModels,
});

describe("API keys and the platform's shared models", () => {
  it("offer and accept a shared model to an organisation holding tokens of its tier, as the gateway does", async () => {
    const { tier, model, endpointId } = await sharedModel();
    const holder = await holderOf(tier.id, new Date(Date.now() - DAY), new Date(Date.now() + DAY));
    const caller = callerFor(holder.owner);

    const options = await caller.apiKeys.formOptions({ organizationId: holder.org.id });
    expect(options.sharedModels).toContain(model.name);
    expect(options.models).not.toContain(model.name);

    const created = await caller.apiKeys.create(keyFor(holder, [model.name]));
    expect(created.key.allowedModels).toEqual([model.name]);
    // Its example names the shared model: the organisation serves nothing of its own.
    expect(created.key.reach).toMatchObject({ example: model.name, blocked: null });
    const open = await caller.apiKeys.create(keyFor(holder, []));
    expect(open.key.reach.example).toBe(model.name);

    // A project whose data must stay in GB cannot reach the shared endpoint, which runs in DE.
    await db.project.update({ where: { id: holder.project.id }, data: { residency: "GB" } });
    const gb = await caller.apiKeys.create(keyFor(holder, []));
    expect(gb.key.reach).toMatchObject({
      example: null,
      blocked: "PLACE",
      place: { kind: "IN", place: "GB" },
    });
    // What the browser gets is what it shows: no model list, nor the gateway's refusal.
    expect(Object.keys(gb.key.reach).sort()).toEqual(["blocked", "example", "place", "remedy"]);
    await db.project.update({ where: { id: holder.project.id }, data: { residency: null } });
    const listed = await caller.apiKeys.list({ organizationId: holder.org.id });
    expect(listed.items.map((key) => key.allowedModels)).toEqual([[], [], [model.name]]);

    // Once the shared endpoint has failed, the gateway no longer offers the model: nor do keys.
    await db.endpoint.update({ where: { workloadId: endpointId }, data: { status: "FAILED" } });
    expect(
      (await caller.apiKeys.formOptions({ organizationId: holder.org.id })).sharedModels,
    ).not.toContain(model.name);
    expect(await failureOf(caller.apiKeys.create(keyFor(holder, [model.name])))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("neither offer nor accept it without tokens of its tier valid now", async () => {
    const { tier, model } = await sharedModel();
    const stranger = await createLaunchReadyTenant();
    const notYet = await holderOf(
      tier.id,
      new Date(Date.now() + DAY),
      new Date(Date.now() + 30 * DAY),
    );
    for (const tenant of [stranger, notYet]) {
      const caller = callerFor(tenant.owner);
      const options = await caller.apiKeys.formOptions({ organizationId: tenant.org.id });
      expect(options.sharedModels).not.toContain(model.name);
      // Nothing to call at all: the form says so beside the project before a key is made.
      expect(options.projects.map((project) => project.reach.blocked)).toEqual(
        options.projects.map(() => "NONE"),
      );
      const refusal = await failureOf(caller.apiKeys.create(keyFor(tenant, [model.name])));
      expect(refusal.code).toBe("BAD_REQUEST");
      expect(refusal.message).toMatch(/nor a shared model it holds tokens for/);
    }
  });
});
