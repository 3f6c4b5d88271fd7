/**
 * Endpoints for tests and benchmarks: an organisation with an allocation line, a simulated cluster
 * that offers its class, a catalogue model and a runtime, and a way to deploy through the real
 * deployEndpoint. Tests and benchmarks only: never import from app code.
 */
import { createHash, randomBytes } from "node:crypto";
import { tenantScoped, type Database } from "@tessera/db";
import type { Actor } from "../actor";
import type { TenantAccess } from "../tenancy/tenant-access";
import { createWorkloadSetup, type WorkloadSetup } from "../workloads/lifecycle/workload-fixture";
import { deployEndpoint, type DeployEndpointInput } from "./deploy-endpoint";

export interface EndpointSetup extends WorkloadSetup {
  modelId: string;
  modelName: string;
  runtimeId: string;
  tenant: TenantAccess;
  actor: Actor;
}

export async function createEndpointSetup(
  database: Database,
  options: { grantedUnitSeconds?: bigint; capacity?: number } = {},
): Promise<EndpointSetup> {
  const setup = await createWorkloadSetup(database, options);
  const suffix = randomBytes(5).toString("hex");
  const model = await database.model.create({
    data: {
      name: `tessera-test/tiny-${suffix}`,
      family: "tiny",
      parameters: 1_000_000n,
      licenseSpdx: "Apache-2.0",
      weightsSha256: createHash("sha256").update(suffix).digest("hex"),
      weightsOpen: true,
      dataOpen: true,
      codeOpen: true,
      openness: "OPEN_SCIENCE",
      sourceUrl: `https://models.tessera.test/tiny-${suffix}`,
    },
  });
  const runtime = await database.servingRuntime.create({
    data: {
      code: `test-runtime-${suffix}`,
      name: `Test runtime ${suffix}`,
      image: "registry.tessera.test/serving/sim:1",
      args: ["--model", "{{model}}"],
      port: 8000,
      healthPath: "/health",
      resourceKinds: ["GPU", "MIG", "CPU"],
    },
  });
  const user = await database.user.findUniqueOrThrow({ where: { id: setup.userId } });
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: setup.organizationId },
    select: { id: true, name: true },
  });
  return {
    ...setup,
    modelId: model.id,
    modelName: model.name,
    runtimeId: runtime.id,
    tenant: { organization, role: "OWNER", db: tenantScoped(database, setup.organizationId) },
    actor: { userId: user.id, email: user.email, ip: "127.0.0.1", userAgent: "vitest" },
  };
}

export function deployTestEndpoint(
  setup: EndpointSetup,
  overrides: Partial<DeployEndpointInput> = {},
) {
  return deployEndpoint(setup.tenant, setup.actor, {
    name: "Test endpoint",
    projectId: setup.projectId,
    allocationLineId: setup.allocationLineId,
    modelId: setup.modelId,
    runtimeId: setup.runtimeId,
    unitsPerReplica: 1,
    minReplicas: 0,
    maxReplicas: 4,
    replicas: 1,
    idleSecondsBeforeZero: null,
    ...overrides,
  });
}
