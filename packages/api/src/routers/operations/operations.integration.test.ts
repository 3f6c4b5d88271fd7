import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, createTestUser, failureOf, uniqueSuffix } from "../../test-helpers";
import { closeQueueDepthConnection } from "./queue-depths";
import {
  createEndpointSetup,
  deployTestEndpoint,
} from "../../../../core/src/endpoints/endpoint-fixture";

afterAll(async () => {
  await closeRateLimiter();
  await closeQueueDepthConnection();
});

async function deadLetter(queue = "launch") {
  return db.deadLetter.create({
    data: {
      queue,
      jobId: `outbox-${uniqueSuffix()}`,
      jobName: "workload.launch",
      payload: { workloadId: `w${uniqueSuffix()}` },
      error: "slurmrestd did not answer",
      attempts: 8,
    },
  });
}

describe("operations", () => {
  it("re-drives a dead letter through a fresh outbox event, once", async () => {
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const letter = await deadLetter();
    const caller = callerFor(operator);
    const resolved = await caller.operations.redrive({ deadLetterId: letter.id });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.resolution).toBe("re-driven");
    const payload = letter.payload as { workloadId: string };
    const events = await db.outboxEvent.findMany({ where: { aggregateId: payload.workloadId } });
    expect(events).toEqual([
      expect.objectContaining({ type: "workload.launch", dispatchedAt: null }),
    ]);
    const again = await failureOf(caller.operations.redrive({ deadLetterId: letter.id }));
    expect(again).toEqual({
      code: "CONFLICT",
      message: "Someone has already dealt with this dead letter.",
    });
    expect(await db.outboxEvent.count({ where: { aggregateId: payload.workloadId } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { targetId: letter.id, action: "dead_letter.redriven" } }),
    ).toBe(1);
  });

  it("dismisses with a reason, and refuses to re-drive scheduled work", async () => {
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const caller = callerFor(operator);
    const scheduled = await deadLetter("reconcile");
    const refused = await failureOf(caller.operations.redrive({ deadLetterId: scheduled.id }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(
      (await db.deadLetter.findUniqueOrThrow({ where: { id: scheduled.id } })).resolvedAt,
    ).toBeNull();
    const dismissed = await caller.operations.dismiss({
      deadLetterId: scheduled.id,
      reason: "Cluster retired",
    });
    expect(dismissed.resolution).toBe("Cluster retired");
    const open = await caller.operations.deadLetters({});
    expect(open.items.map((l) => l.id)).not.toContain(scheduled.id);
    const all = await caller.operations.deadLetters({ includeResolved: true, limit: 100 });
    expect(all.items.map((l) => l.id)).toContain(scheduled.id);
  });

  it("shows the overview to operators and administrators only", async () => {
    const admin = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const overview = await callerFor(admin).operations.overview();
    expect(overview.queuesReachable).toBe(true);
    expect(overview.queues.map((q) => q.name)).toContain("launch");
    expect(typeof overview.outbox.undispatched).toBe("number");
    expect(Object.keys(overview.jobsByStatus)).toContain("RUNNING");
    expect(Object.keys(overview.endpointsByStatus)).toContain("READY");
    const admin2 = await createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
    const letter = await deadLetter();
    expect(
      (await failureOf(callerFor(admin2).operations.redrive({ deadLetterId: letter.id }))).code,
    ).toBe("FORBIDDEN");
    const researcher = await createTestUser();
    expect((await failureOf(callerFor(researcher).operations.overview())).code).toBe("FORBIDDEN");
  });
});

describe("job templates", () => {
  it("are created and edited by operators, with scripts checked", async () => {
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const caller = callerFor(operator);
    const code = `batch-${uniqueSuffix()}`.toLowerCase().slice(0, 40);
    const template = await caller.jobTemplates.create({
      code,
      name: "Plain batch",
      description: "Runs a command",
      kind: "BATCH",
      script: "#!/bin/bash\n{{command}}\n",
    });
    const typo = await failureOf(
      caller.jobTemplates.update({ templateId: template.id, script: "#!/bin/bash\n{{comand}}\n" }),
    );
    expect(typo.code).toBe("BAD_REQUEST");
    expect(typo.message).toMatch(/\{\{comand\}\} is not a placeholder/);
    const duplicate = await failureOf(
      caller.jobTemplates.create({
        code,
        name: "Again",
        description: "x",
        kind: "BATCH",
        script: "#!/bin/sh\n{{command}}\n",
      }),
    );
    expect(duplicate.code).toBe("CONFLICT");
    const updated = await caller.jobTemplates.update({ templateId: template.id, active: false });
    expect(updated.active).toBe(false);
    expect((await caller.jobTemplates.list()).find((t) => t.id === template.id)?.active).toBe(
      false,
    );
    const researcher = await createTestUser();
    expect((await failureOf(callerFor(researcher).jobTemplates.list())).code).toBe("FORBIDDEN");
  });
});

describe("operations.endpoints", () => {
  it("lists every organisation's live endpoints per cluster to operators, and to no tenant", async () => {
    const setup = await createEndpointSetup(db);
    const deployed = await deployTestEndpoint(setup, { name: `Ops view ${uniqueSuffix()}` });
    const operator = await createTestUser({ platformRoles: ["OPERATOR"] });
    const groups = await callerFor(operator).operations.endpoints();
    const group = groups.find((g) => g.cluster.code === setup.clusterCode);
    expect(group?.endpoints.map((e) => [e.id, e.organization.id, e.model, e.status])).toEqual([
      [deployed.id, setup.organizationId, setup.modelName, "ACCEPTED"],
    ]);
    expect(group?.endpoints[0]?.desiredReplicas).toBe(1);
    const tenant = await db.user.findUniqueOrThrow({ where: { id: setup.userId } });
    expect((await failureOf(callerFor(tenant).operations.endpoints())).code).toBe("FORBIDDEN");
  });
});
