import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf, httpErrorOf, uniqueSuffix } from "../../test-helpers";
import {
  createLaunchReadyTenant,
  createTestServing,
  type LaunchReadyTenant,
} from "../workloads/fixtures";

afterAll(closeRateLimiter);

async function servedTenant() {
  // A DE organisation whose class runs on one simulated cluster in DE.
  const tenant = await createLaunchReadyTenant();
  const { model, runtime } = await createTestServing();
  return { ...tenant, model, runtime };
}

const deployInput = (
  tenant: LaunchReadyTenant & { model: { id: string }; runtime: { id: string } },
  overrides: {
    projectId?: string;
    minReplicas?: number;
    idleSecondsBeforeZero?: number | null;
    name?: string;
  },
) => ({
  organizationId: tenant.org.id,
  projectId: overrides.projectId ?? tenant.project.id,
  allocationLineId: tenant.line.id,
  name: overrides.name ?? "Rules endpoint",
  modelId: tenant.model.id,
  runtimeId: tenant.runtime.id,
  unitsPerReplica: 1,
  minReplicas: overrides.minReplicas ?? 0,
  maxReplicas: 2,
  replicas: 1,
  idleSecondsBeforeZero: overrides.idleSecondsBeforeZero ?? null,
});

async function endpointState(id: string) {
  const [endpoint, workload, outbox, audit] = await Promise.all([
    db.endpoint.findUniqueOrThrow({ where: { workloadId: id } }),
    db.workload.findUniqueOrThrow({ where: { id } }),
    db.outboxEvent.count({ where: { aggregateId: id } }),
    db.auditEvent.count({ where: { targetId: id } }),
  ]);
  return {
    desired: endpoint.desiredReplicas,
    held: workload.heldUnitSeconds,
    outbox,
    audit,
  };
}

describe("an endpoint whose minimum is 1 or more", () => {
  it("is refused scaling to zero in words, not a server error, and nothing changes", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const kept = await caller.endpoints.deploy(deployInput(tenant, { minReplicas: 1 }));
    const ref = { organizationId: tenant.org.id, endpointId: kept.id };
    expect((await caller.endpoints.get(ref)).scalesToZero).toBe(false);
    const before = await endpointState(kept.id);

    const refused = await failureOf(caller.endpoints.scaleToZero(ref));
    expect(refused).toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "This endpoint keeps at least 1 replica running (its minimum), so it is never scaled to zero; deploy it with a minimum of 0 to let it scale to zero, or delete it to stop it.",
    });
    expect(await endpointState(kept.id)).toEqual(before);

    const free = await caller.endpoints.deploy(deployInput(tenant, { minReplicas: 0 }));
    const freeRef = { organizationId: tenant.org.id, endpointId: free.id };
    expect((await caller.endpoints.get(freeRef)).scalesToZero).toBe(true);
    expect((await caller.endpoints.scaleToZero(freeRef)).desiredReplicas).toBe(0);
  });
});

describe("an idle time on an endpoint that keeps a replica", () => {
  it("is refused at deploy in words, and nothing is deployed", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const before = await db.endpoint.count({
      where: { workload: { organizationId: tenant.org.id } },
    });
    const refused = await failureOf(
      caller.endpoints.deploy(deployInput(tenant, { minReplicas: 1, idleSecondsBeforeZero: 1800 })),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message:
        "An endpoint with a minimum of 1 or more replicas is never scaled to zero: set its minimum to 0 to scale it to zero when idle, or choose never.",
    });
    expect(
      await db.endpoint.count({ where: { workload: { organizationId: tenant.org.id } } }),
    ).toBe(before);
    const idle = await caller.endpoints.deploy(
      deployInput(tenant, { minReplicas: 0, idleSecondsBeforeZero: 1800 }),
    );
    expect(idle.id).toBeTruthy();
  });
});

describe("the endpoint form's placement, by the server's own rule", () => {
  it("says a project no cluster may serve cannot deploy there, in the words deploy refuses with", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const restricted = await db.project.create({
      data: {
        organizationId: tenant.org.id,
        slug: `restricted-${uniqueSuffix()}`,
        name: "Restricted notes",
        classification: "RESTRICTED",
        residency: "GB",
      },
    });
    const options = await caller.workloads.formOptions({ organizationId: tenant.org.id });
    const line = options.lines.find((l) => l.allocationLineId === tenant.line.id)!;
    const reachOf = (projectId: string) =>
      line.endpointReach.find((r) => r.projectId === projectId)!;

    expect(reachOf(tenant.project.id)).toMatchObject({
      clusterName: tenant.cluster.name,
      problem: null,
    });
    const blocked = reachOf(restricted.id);
    expect(blocked.clusterName).toBeNull();
    expect(blocked.jurisdictions).toEqual(["DE"]);
    expect(blocked.problem).toContain("the project's data must stay in GB");

    const endpoints = await db.endpoint.count({ where: { organizationId: tenant.org.id } });
    const refused = await failureOf(
      caller.endpoints.deploy(deployInput(tenant, { projectId: restricted.id })),
    );
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: blocked.problem });
    expect(await db.endpoint.count({ where: { organizationId: tenant.org.id } })).toBe(endpoints);
  });
});

describe("an endpoint's name", () => {
  const countOf = (organizationId: string) => db.endpoint.count({ where: { organizationId } });

  it("is refused past 64 characters in words, and nothing is deployed", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    const refused = await failureOf(
      caller.endpoints.deploy(deployInput(tenant, { name: "a".repeat(65) })),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message: "Endpoint name must be at most 64 characters.",
    });
    expect(await countOf(tenant.org.id)).toBe(0);
    // Surrounding spaces are trimmed first; 64 characters are accepted.
    const longest = await caller.endpoints.deploy(
      deployInput(tenant, { name: `  ${"b".repeat(64)}  ` }),
    );
    const ref = { organizationId: tenant.org.id, endpointId: longest.id };
    expect((await caller.endpoints.get(ref)).name).toBe("b".repeat(64));
  });

  it("keeps odd Unicode as typed (composed, invisible marks dropped), and refuses what cannot be stored in words, never a server error", async () => {
    const tenant = await servedTenant();
    const caller = callerFor(tenant.owner);
    for (const [name, stored] of [
      ["Ünïcødé 模型 🚀 ok", "Ünïcødé 模型 🚀 ok"],
      [`x${"\u{1F680}".repeat(63)}`, `x${"\u{1F680}".repeat(63)}`],
      // Accents composed; the right-to-left mark, invisible, is not kept.
      ["e\u0301te\u0301 \u200f\u05e9\u05dc\u05d5\u05dd", "\u00e9t\u00e9 \u05e9\u05dc\u05d5\u05dd"],
    ]) {
      const { id } = await caller.endpoints.deploy(deployInput(tenant, { name: name! }));
      expect(
        (await caller.endpoints.get({ organizationId: tenant.org.id, endpointId: id })).name,
      ).toBe(stored);
    }
    const deployed = await countOf(tenant.org.id);
    const refusals: [string, string][] = [
      ["Bad\u0000name", "Endpoint name contains characters that are not allowed."],
      [
        "Lone \ud800 half",
        "Some of the text you entered contains a broken character (often half of an emoji lost in copying). Type that text again instead of pasting it, then try again.",
      ],
      ["\u200b\u200b\u200b", "Enter endpoint name; invisible characters alone do not count."],
      // A character is a code point: 65 of them are too many, whatever their UTF-16 length.
      [`a${"\u{1F680}".repeat(64)}`, "Endpoint name must be at most 64 characters."],
    ];
    for (const [name, message] of refusals) {
      const refused = await failureOf(caller.endpoints.deploy(deployInput(tenant, { name })));
      expect(refused, JSON.stringify(name)).toMatchObject({
        code: "BAD_REQUEST",
        message,
      });
    }
    expect(await countOf(tenant.org.id)).toBe(deployed);
  });
});

describe("an endpoint's size sent wrong", () => {
  const BETWEEN_1_AND_2 =
    "Enter the replicas to start with as a whole number from 1 to 2 (between the minimum and the maximum, and at least 1).";
  const cases: [string, Record<string, unknown>, Record<string, string[]>][] = [
    [
      "a minimum above the maximum",
      { minReplicas: 3, maxReplicas: 2, replicas: 2 },
      {
        minReplicas: [
          "The minimum (3) is above the maximum (2). Lower the minimum or raise the maximum.",
        ],
      },
    ],
    ["0 replicas to start with", { replicas: 0 }, { replicas: [BETWEEN_1_AND_2] }],
    [
      "more replicas to start with than the maximum",
      { replicas: 3 },
      { replicas: [BETWEEN_1_AND_2] },
    ],
    ["a fraction of a replica to start with", { replicas: 1.5 }, { replicas: [BETWEEN_1_AND_2] }],
    [
      "a start that can only be the minimum",
      { minReplicas: 2, maxReplicas: 2, replicas: 1 },
      {
        replicas: [
          "Enter 2 as the replicas to start with (it must lie between the minimum and the maximum, and be at least 1).",
        ],
      },
    ],
    [
      "a maximum over the platform's limit",
      { maxReplicas: 17 },
      { maxReplicas: ["Enter the maximum replicas as a whole number from 1 to 16."] },
    ],
    [
      "a maximum of 0",
      { maxReplicas: 0, replicas: 0 },
      { maxReplicas: ["Enter the maximum replicas as a whole number from 1 to 16."] },
    ],
    [
      "a negative minimum",
      { minReplicas: -1 },
      { minReplicas: ["Enter the minimum replicas as a whole number, 0 or more."] },
    ],
    [
      "too many units per replica",
      { unitsPerReplica: 9 },
      { unitsPerReplica: ["Enter the units per replica as a whole number from 1 to 8."] },
    ],
    [
      "replicas as text",
      { replicas: "two" },
      {
        replicas: [
          "Enter the replicas to start with as a whole number from 1 to 16 (between the minimum and the maximum, and at least 1).",
        ],
      },
    ],
  ];

  it("is refused with what to fix beside the field at fault, in the price box's words, and nothing is deployed", async () => {
    const tenant = await servedTenant();
    for (const [label, size, fieldErrors] of cases) {
      const refused = await httpErrorOf(tenant.owner, "endpoints.deploy", "mutation", {
        ...deployInput(tenant, {}),
        ...size,
      });
      expect(refused, label).toEqual({
        code: "BAD_REQUEST",
        message: Object.values(fieldErrors)[0]![0],
        fieldErrors,
      });
    }
    // Several problems at once are each said beside their own field.
    const several = await httpErrorOf(tenant.owner, "endpoints.deploy", "mutation", {
      ...deployInput(tenant, {}),
      unitsPerReplica: 0,
      maxReplicas: 40,
    });
    expect(several.fieldErrors).toEqual({
      unitsPerReplica: ["Enter the units per replica as a whole number from 1 to 8."],
      maxReplicas: ["Enter the maximum replicas as a whole number from 1 to 16."],
    });
    expect(await db.endpoint.count({ where: { organizationId: tenant.org.id } })).toBe(0);
    expect(await db.workload.count({ where: { organizationId: tenant.org.id } })).toBe(0);
  });
});

describe("a model's licence restrictions at deploy", () => {
  const RESTRICTIONS = "The licence forbids serving to users outside the EU.";

  it("are accepted beside their own field, refused when missing or malformed, and nothing is deployed", async () => {
    const tenant = await servedTenant();
    await db.model.update({
      where: { id: tenant.model.id },
      data: { restrictions: RESTRICTIONS },
    });
    const refusals: [Record<string, unknown>, string][] = [
      [
        {},
        `${tenant.model.name} has licence restrictions: read them and accept them to deploy it.`,
      ],
      [
        { acceptedRestrictions: "An older text." },
        `The licence restrictions of ${tenant.model.name} changed; read them again and accept them to deploy it.`,
      ],
      [{ acceptedRestrictions: true }, "Tick the box to accept the model's licence restrictions."],
    ];
    for (const [sent, message] of refusals) {
      const refused = await httpErrorOf(tenant.owner, "endpoints.deploy", "mutation", {
        ...deployInput(tenant, {}),
        ...sent,
      });
      expect(refused, JSON.stringify(sent)).toEqual({
        code: "BAD_REQUEST",
        message,
        fieldErrors: { acceptedRestrictions: [message] },
      });
    }
    // A field the deploy does not know (a misspelt acceptance) is refused, not dropped.
    const unknown = await httpErrorOf(tenant.owner, "endpoints.deploy", "mutation", {
      ...deployInput(tenant, {}),
      acceptRestrictions: RESTRICTIONS,
    });
    expect(unknown).toMatchObject({
      code: "BAD_REQUEST",
      message: "The form sent something Tessera does not expect. Reload the page and try again.",
    });
    expect(await db.workload.count({ where: { organizationId: tenant.org.id } })).toBe(0);

    const deployed = await callerFor(tenant.owner).endpoints.deploy({
      ...deployInput(tenant, {}),
      acceptedRestrictions: RESTRICTIONS,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "endpoint.deployed", targetId: deployed.id },
    });
    expect(audit.data).toMatchObject({
      licenceAcknowledgement: { restrictions: RESTRICTIONS, acceptedById: tenant.owner.id },
    });
  });
});
