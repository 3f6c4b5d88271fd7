/**
 * Integration-test fixtures for training jobs: a cluster offering a class, and an applicant with
 * an approved allocation to launch against. Tests only.
 */
import { createHash } from "node:crypto";
import { db, type ClusterKind } from "@tessera/db";
import { callerFor, uniqueSuffix } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  type TestApplicant,
} from "../programmes/fixtures";

export async function createTestCluster(
  resourceClassId: string,
  options: {
    kind?: ClusterKind;
    jurisdiction?: string;
    capacity?: number;
    /** Units of the class one node has; none recorded when absent. */
    unitsPerNode?: number | null;
    active?: boolean;
    endpoint?: string | null;
  } = {},
) {
  const suffix = uniqueSuffix();
  return db.cluster.create({
    data: {
      code: `test-${suffix}`,
      name: `Test cluster ${suffix}`,
      kind: options.kind ?? "SIM",
      region: "test",
      jurisdiction: options.jurisdiction ?? "DE",
      active: options.active ?? true,
      endpoint: options.endpoint ?? null,
      resources: {
        create: {
          resourceClassId,
          capacity: options.capacity ?? 8,
          unitsPerNode: options.unitsPerNode ?? null,
        },
      },
    },
  });
}

/** A verified organisation (DE) with a project, a fresh GPU class offered by a SIM cluster, and an
 * active allocation of `unitHours` GPU-hours on it. */
export async function createLaunchReadyTenant(
  options: { unitHours?: number; capacity?: number; unitsPerNode?: number | null } = {},
) {
  const applicant = await createTestApplicant({ country: "DE" });
  const resourceClass = await createTestResourceClass();
  const cluster = await createTestCluster(resourceClass.id, {
    capacity: options.capacity,
    unitsPerNode: options.unitsPerNode,
  });
  const programme = await createTestProgramme({ budgetMinor: 100_000_000 });
  const admin = await createProgrammeAdmin();
  const applicationId = await applicationUnderReview(admin, applicant, programme, [
    { resourceClassId: resourceClass.id, unitHours: options.unitHours ?? 10 },
  ]);
  const { allocationId } = await callerFor(admin).applications.admin.approve({
    applicationId,
    validFrom: new Date(Date.now() - 86_400_000),
    validTo: new Date(Date.now() + 30 * 86_400_000),
  });
  const line = await db.allocationLine.findFirstOrThrow({ where: { allocationId } });
  return { ...applicant, resourceClass, cluster, programme, allocationId, line };
}

/**
 * An approved award to `applicant` from a new programme named `programmeName`, with a line for
 * each of new classes named `classNames`, written in that order.
 */
export async function awardClasses(
  applicant: TestApplicant,
  programmeName: string,
  classNames: readonly string[],
) {
  const programme = await createTestProgramme({ budgetMinor: 100_000_000 });
  await db.programme.update({ where: { id: programme.id }, data: { name: programmeName } });
  const admin = await createProgrammeAdmin();
  const classes = [];
  for (const name of classNames) classes.push(await createTestResourceClass({ name }));
  const applicationId = await applicationUnderReview(
    admin,
    applicant,
    programme,
    classes.map((resourceClass) => ({ resourceClassId: resourceClass.id, unitHours: 5 })),
  );
  return callerFor(admin).applications.admin.approve({
    applicationId,
    validFrom: new Date(Date.now() - 86_400_000),
    validTo: new Date(Date.now() + 30 * 86_400_000),
  });
}

export type LaunchReadyTenant = Awaited<ReturnType<typeof createLaunchReadyTenant>>;

export function submitInput(
  tenant: LaunchReadyTenant,
  overrides: { quantity?: number; walltimeSeconds?: number; name?: string } = {},
) {
  return {
    organizationId: tenant.org.id,
    projectId: tenant.project.id,
    allocationLineId: tenant.line.id,
    name: overrides.name ?? "Speech encoder pre-training",
    quantity: overrides.quantity ?? 1,
    walltimeSeconds: overrides.walltimeSeconds ?? 600,
    source: { type: "script" as const, script: "#!/bin/bash\necho training\n" },
  };
}

/** A catalogue model (with a token tier when given) and a runtime for GPU, MIG and CPU classes. */
export async function createTestServing(options: { tokenResourceClassId?: string | null } = {}) {
  const suffix = uniqueSuffix();
  const model = await db.model.create({
    data: {
      name: `tessera-test/serving-${suffix}`,
      family: "serving",
      parameters: 8_000_000_000n,
      licenseSpdx: "Apache-2.0",
      weightsSha256: createHash("sha256").update(suffix).digest("hex"),
      weightsOpen: true,
      dataOpen: false,
      codeOpen: false,
      openness: "OPEN_MODEL",
      sourceUrl: `https://models.tessera.test/${suffix}`,
      tokenResourceClassId: options.tokenResourceClassId ?? null,
    },
  });
  const runtime = await db.servingRuntime.create({
    data: {
      code: `serving-${suffix}`,
      name: `Serving runtime ${suffix}`,
      image: "registry.tessera.test/serving/sim:1",
      args: [],
      port: 8000,
      healthPath: "/health",
      resourceKinds: ["GPU", "MIG", "CPU"],
    },
  });
  return { model, runtime };
}
