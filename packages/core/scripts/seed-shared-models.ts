/**
 * The platform's shared models for `pnpm db:seed` (and the e2e seed through it): the two models'
 * token tiers and fallback, and one shared endpoint of each, run by the platform's own
 * organisation on the simulated cluster (the simulated model server answers for them, as for the
 * demo endpoint). Every organisation holding tokens of a tier calls them through the gateway.
 * Deployed through the same domain functions as the portal's forms, so the worker, started right
 * after, brings them to READY. Idempotent: nothing is set or deployed twice.
 *
 * The data contract (the gateway's tests and the README name these):
 * - tiers (TOKENS classes): `shared-8b-tokens` (€0.40 per million), `shared-cpu-tokens` (€0.05);
 * - models: `tessera-shared/chat-8b` (tier shared-8b-tokens, falls back to
 *   `tessera-shared/chat-cpu-1b`) and `tessera-shared/chat-cpu-1b` (tier shared-cpu-tokens);
 * - the organisation "Tessera Platform Services" runs "Shared chat 8B" (1 × l40s-48gb, vLLM GPU)
 *   and "Shared chat CPU 1B" (8 × cpu-core, vLLM CPU), both shared, on the cluster `sim`, on an
 *   award of the operating programme "Tessera platform operations" (l40s-48gb 5,000 h, cpu-core
 *   40,000 h), which pays 100 %: the tokens tenants spend carry the subsidy, and the compute that
 *   serves them is the platform's own cost, recovered through the token prices. So no subsidy
 *   programme pays for those GPUs besides the tokens, its dashboard and statements count tenants'
 *   usage only, the platform's invoices for it are all programme share (nothing due, no VAT), and
 *   the platform — a public body that does not act economically — books no de minimis aid.
 */
import { tenantScoped, type Database } from "@tessera/db";
import type { Actor } from "../src/actor";
import { OPERATIONS_PROGRAMME, type DemoApplication } from "./seed-programmes";
import { deployEndpoint } from "../src/endpoints/deploy-endpoint";
import { setEndpointShared } from "../src/endpoints/set-endpoint-shared";
import { updateModel } from "../src/models/update-model";
import { SHARED_MODELS } from "./demo-models";

export const PLATFORM_ORGANISATION = "Tessera Platform Services";
export const PLATFORM_PROJECT = "Shared model serving";

/**
 * The platform organisation's application for the compute its shared endpoints run on, to the
 * operating programme (not to a subsidy programme: see the data contract above), approved.
 */
export function platformServingApplication(operator: DemoApplication["owner"]): DemoApplication {
  return {
    organization: PLATFORM_ORGANISATION,
    owner: operator,
    title: "Shared model serving for the platform's tenants",
    programme: OPERATIONS_PROGRAMME,
    lines: [
      { code: "l40s-48gb", unitHours: 5_000 },
      { code: "cpu-core", unitHours: 40_000 },
    ],
    stage: "approved",
  };
}

/** Each model's tier and fallback, in the order they are set (a fallback needs its tier first). */
const TIERS = [
  { model: SHARED_MODELS.chatCpu1b, tier: "shared-cpu-tokens", fallback: null },
  { model: SHARED_MODELS.chat8b, tier: "shared-8b-tokens", fallback: SHARED_MODELS.chatCpu1b },
] as const;

const SHARED_ENDPOINTS = [
  {
    name: "Shared chat 8B",
    model: SHARED_MODELS.chat8b,
    resourceClass: "l40s-48gb",
    runtime: "vllm-gpu",
    unitsPerReplica: 1,
  },
  {
    name: "Shared chat CPU 1B",
    model: SHARED_MODELS.chatCpu1b,
    resourceClass: "cpu-core",
    runtime: "vllm-cpu",
    unitsPerReplica: 8,
  },
] as const;

/** Sets the shared models' tiers and fallback where they are not set yet (`at` that date). */
export async function seedSharedModelTiers(
  database: Database,
  operator: Actor,
  at: Date,
): Promise<void> {
  for (const entry of TIERS) {
    const model = await database.model.findUnique({ where: { name: entry.model } });
    const tier = await database.resourceClass.findUnique({ where: { code: entry.tier } });
    const fallback = entry.fallback
      ? await database.model.findUnique({ where: { name: entry.fallback } })
      : null;
    if (!model || !tier || (entry.fallback && !fallback)) continue;
    if (
      model.tokenResourceClassId === tier.id &&
      model.fallbackModelId === (fallback?.id ?? null)
    ) {
      continue;
    }
    await updateModel(
      database,
      operator,
      { id: model.id, tokenResourceClassId: tier.id, fallbackModelId: fallback?.id ?? null },
      at,
    );
  }
}

/**
 * Deploys the platform organisation's shared endpoints on its compute allocation, where it has
 * none of a model yet, and shares them. Returns how many were deployed.
 */
export async function seedSharedEndpoints(
  database: Database,
  input: { organizationId: string; owner: Actor; operator: Actor },
): Promise<number> {
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: input.organizationId },
  });
  const db = tenantScoped(database, organization.id);
  const tenant = { organization, role: "OWNER" as const, db };
  const project = await db.project.findFirst({ where: { name: PLATFORM_PROJECT } });
  if (!project) return 0;
  let deployed = 0;
  for (const shared of SHARED_ENDPOINTS) {
    const model = await database.model.findUnique({ where: { name: shared.model } });
    const runtime = await database.servingRuntime.findUnique({ where: { code: shared.runtime } });
    if (!model || !runtime) continue;
    let endpoint = await db.endpoint.findFirst({
      where: { modelId: model.id, status: { notIn: ["DELETING", "DELETED", "FAILED"] } },
      select: { workloadId: true, shared: true },
    });
    if (!endpoint) {
      // Allocation lines carry no organisation of their own: the allocation's says whose they are.
      const line = await database.allocationLine.findFirst({
        where: {
          allocation: {
            organizationId: organization.id,
            validFrom: { lte: new Date() },
            validTo: { gt: new Date() },
          },
          resourceClass: { code: shared.resourceClass },
        },
      });
      if (!line) continue;
      const created = await deployEndpoint(tenant, input.owner, {
        name: shared.name,
        projectId: project.id,
        allocationLineId: line.id,
        modelId: model.id,
        runtimeId: runtime.id,
        unitsPerReplica: shared.unitsPerReplica,
        minReplicas: 1,
        maxReplicas: 2,
        replicas: 1,
        // A shared endpoint stays up: every holder of its tier may call it at any time.
        idleSecondsBeforeZero: null,
        // The demo's operator accepts the licence's restrictions as the catalogue states them.
        acceptedRestrictions: model.restrictions,
      });
      endpoint = { workloadId: created.id, shared: false };
      deployed += 1;
    }
    if (!endpoint.shared) {
      await setEndpointShared(database, input.operator, {
        endpointId: endpoint.workloadId,
        shared: true,
      });
    }
  }
  return deployed;
}
