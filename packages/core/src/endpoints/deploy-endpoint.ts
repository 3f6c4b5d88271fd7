import type { EndpointStatus, Prisma } from "@tessera/db";
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { modelsSharedByOthers } from "../models/list-deployable-models";
import { formatUnitHours } from "../quota/format-unit-hours";
import { quotaShortfallMessage } from "../quota/quota-shortfall-message";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { newWorkloadId } from "../workloads/new-workload-id";
import { placementRefusal } from "../workloads/place-workload";
import { resolveWorkloadRequest } from "../workloads/resolve-workload-request";
import { ENDPOINT_OUTBOX } from "./endpoint-outbox";
import { ENDPOINT_LIMITS, endpointHoldUnitSeconds, endpointNameProblem } from "./endpoint-rules";
import { lockEndpoint } from "./lifecycle/lock-endpoint";
import { recordEndpointChange } from "./lifecycle/record-endpoint-change";
import { reholdEndpoint } from "./lifecycle/rehold-endpoint";
import { checkReplicas } from "./replica-rules";

export interface DeployEndpointInput {
  name: string;
  projectId: string;
  allocationLineId: string;
  modelId: string;
  runtimeId: string;
  /** Units of the line's class one replica uses (GPUs, MIG slices, CPU cores). */
  unitsPerReplica: number;
  minReplicas: number;
  maxReplicas: number;
  /** Replicas to start with, within min and max, at least 1. */
  replicas: number;
  /** Idle time after which it scales to zero; null = never. */
  idleSecondsBeforeZero: number | null;
  /**
   * The model's licence restrictions exactly as the deployer read and accepted them; required
   * when the model has restrictions, and recorded in the deploy's audit event.
   */
  acceptedRestrictions?: string | null;
}

/**
 * A model whose licence restricts its use is deployed only by someone who accepted the
 * restrictions as they stand now: free text cannot be checked by machine, so the deployer's
 * acknowledgement is what the platform asks for and records. Returns the text accepted.
 */
function acceptedRestrictionsOf(
  model: { name: string; restrictions: string | null },
  accepted: string | null | undefined,
): string | null {
  if (!model.restrictions) return null;
  if (accepted === null || accepted === undefined) {
    throw new AppError(
      "INVALID",
      `${model.name} has licence restrictions: read them and accept them to deploy it.`,
      { field: "acceptedRestrictions" },
    );
  }
  if (accepted !== model.restrictions) {
    throw new AppError(
      "INVALID",
      `The licence restrictions of ${model.name} changed; read them again and accept them to deploy it.`,
      { field: "acceptedRestrictions" },
    );
  }
  return model.restrictions;
}

/**
 * {@link acceptedRestrictionsOf} against the model's text as it stands in the deploy's own
 * transaction: the row is read FOR SHARE, so a change to the text has either committed before
 * (and is what is checked) or waits until the endpoint is written. Raw SQL re-reads the model the
 * deploy already found; a model withdrawn since is not found.
 */
async function restrictionsAcceptedNow(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  modelId: string,
  accepted: string | null | undefined,
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ name: string; restrictions: string | null }[]>`
    SELECT "name", "restrictions" FROM "Model" WHERE "id" = ${modelId} AND "active" FOR SHARE`;
  const model = rows[0];
  if (!model) throw notFound("Model");
  return acceptedRestrictionsOf(model, accepted);
}

function checkShape(input: DeployEndpointInput): void {
  const { minReplicas, idleSecondsBeforeZero } = input;
  const whole = (n: number) => Number.isSafeInteger(n);
  // The first problem with the size, in the words the deploy form says it in, beside its field.
  const [problem] = checkReplicas(input, ENDPOINT_LIMITS).problems;
  if (problem) throw new AppError("INVALID", problem.message, { field: problem.field });
  if (
    idleSecondsBeforeZero !== null &&
    (!whole(idleSecondsBeforeZero) ||
      idleSecondsBeforeZero < ENDPOINT_LIMITS.minIdleSeconds ||
      idleSecondsBeforeZero > ENDPOINT_LIMITS.maxIdleSeconds)
  ) {
    throw new AppError(
      "INVALID",
      "An endpoint scales to zero after between 1 minute and 7 days idle, or never.",
    );
  }
  // Its minimum is kept running whatever the traffic: an idle time would never take effect.
  if (idleSecondsBeforeZero !== null && minReplicas >= 1) {
    throw new AppError(
      "INVALID",
      "An endpoint with a minimum of 1 or more replicas is never scaled to zero: set its minimum to 0 to scale it to zero when idle, or choose never.",
    );
  }
}

/**
 * Accepts an inference endpoint: decides placement (the project's residency and classification,
 * on an endpoint-capable cluster that offers the line's class), and in one transaction places the
 * quota hold of replicas × units × lease window (no hold, no deploy), writes the workload and its
 * endpoint, the first timeline entry, the audit event with the placement decision and the outbox
 * event the worker deploys from. It never talks to a cluster. A refusal writes nothing and says
 * what is short.
 */
export async function deployEndpoint(
  tenant: TenantAccess,
  actor: Actor,
  input: DeployEndpointInput,
): Promise<{ id: string; status: EndpointStatus }> {
  if (!actor.userId) throw new AppError("UNAUTHENTICATED", "Sign in to deploy an endpoint.");
  const name = input.name.trim();
  const nameProblem = endpointNameProblem(name);
  if (nameProblem) throw new AppError("INVALID", nameProblem);
  checkShape(input);
  const organizationId = tenant.organization.id;
  const leaseSeconds = ENDPOINT_LIMITS.leaseSeconds;
  const resolved = await resolveWorkloadRequest(
    tenant.db,
    organizationId,
    {
      projectId: input.projectId,
      allocationLineId: input.allocationLineId,
      quantity: input.replicas * input.unitsPerReplica,
      walltimeSeconds: leaseSeconds,
      unitsPerReplica: input.unitsPerReplica,
    },
    "endpoint",
  );
  if (resolved.organization.status !== "VERIFIED") {
    throw new AppError(
      "PRECONDITION_FAILED",
      "Only verified organisations can launch compute. Your organisation is awaiting verification.",
    );
  }
  const [model, runtime] = await Promise.all([
    tenant.db.model.findFirst({ where: { id: input.modelId, active: true } }),
    tenant.db.servingRuntime.findFirst({ where: { id: input.runtimeId, active: true } }),
  ]);
  if (!model) throw notFound("Model");
  if (!runtime) throw notFound("Serving runtime");
  // Said before quota and placement, in the same words; decided in the transaction below.
  acceptedRestrictionsOf(model, input.acceptedRestrictions);
  if ((await modelsSharedByOthers(tenant.db, organizationId, [model.id])).size > 0) {
    throw new AppError(
      "INVALID",
      `${model.name} is one of the platform's shared models, served to every organisation: call it with an API key of this organisation instead of deploying it.`,
    );
  }
  if (!runtime.resourceKinds.includes(resolved.resourceClass.kind)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${runtime.name} does not run on ${resolved.resourceClass.name}; choose a runtime for that hardware.`,
    );
  }
  const holdUnitSeconds = endpointHoldUnitSeconds(
    input.replicas,
    input.unitsPerReplica,
    leaseSeconds,
  );
  // The shortfall is said first (it is what the person can change); the hold decides again.
  const remaining =
    resolved.line.grantedUnitSeconds -
    resolved.line.heldUnitSeconds -
    resolved.line.consumedUnitSeconds;
  if (BigInt(holdUnitSeconds) > remaining) {
    throw new AppError(
      "PRECONDITION_FAILED",
      quotaShortfallMessage(holdUnitSeconds, remaining, resolved.resourceClass.unit),
      { reason: "QUOTA" },
    );
  }
  const chosen = resolved.placement.chosen;
  if (!chosen) throw placementRefusal(resolved.placement);

  const id = newWorkloadId();
  const now = new Date();
  await tenant.db.$transaction(async (tx) => {
    const restrictions = await restrictionsAcceptedNow(tx, model.id, input.acceptedRestrictions);
    await tx.workload.create({
      data: {
        id,
        organizationId,
        projectId: resolved.project.id,
        allocationLineId: resolved.line.id,
        resourceClassId: resolved.resourceClass.id,
        clusterId: chosen.clusterId,
        kind: "INFERENCE_ENDPOINT",
        name,
        quantity: input.unitsPerReplica,
        walltimeSeconds: leaseSeconds,
        spec: { model: model.name, runtime: runtime.code },
        heldUnitSeconds: 0n,
        placement: JSON.parse(JSON.stringify(resolved.placement)) as object,
        createdById: actor.userId!,
      },
    });
    await tx.endpoint.create({
      data: {
        workloadId: id,
        organizationId,
        modelId: model.id,
        runtimeId: runtime.id,
        minReplicas: input.minReplicas,
        maxReplicas: input.maxReplicas,
        desiredReplicas: input.replicas,
        idleSecondsBeforeZero: input.idleSecondsBeforeZero,
        leaseSeconds,
      },
    });
    const locked = await lockEndpoint(tx, { id, organizationId });
    await reholdEndpoint(tx, locked, input.replicas, actor, now);
    await recordEndpointChange(tx, actor, {
      endpoint: { id, organizationId },
      status: "ACCEPTED",
      reason: "Accepted",
      message: `Accepted for ${chosen.clusterName}: ${input.replicas} replica${input.replicas === 1 ? "" : "s"} of ${model.name}; ${formatUnitHours(holdUnitSeconds, resolved.resourceClass.unit)} held for the first lease window.`,
      outbox: ENDPOINT_OUTBOX.deploy,
      audit: {
        action: "endpoint.deployed",
        data: {
          name,
          project: resolved.project.id,
          model: model.name,
          modelDigest: model.weightsSha256,
          runtime: runtime.code,
          resourceClass: resolved.resourceClass.code,
          unitsPerReplica: input.unitsPerReplica,
          replicas: input.replicas,
          minReplicas: input.minReplicas,
          maxReplicas: input.maxReplicas,
          heldUnitSeconds: holdUnitSeconds,
          cluster: chosen.clusterCode,
          jurisdiction: chosen.jurisdiction,
          placementReason: resolved.placement.reason,
          ...(restrictions === null
            ? {}
            : {
                licenceAcknowledgement: {
                  restrictions,
                  acceptedById: actor.userId,
                  acceptedByEmail: actor.email,
                  acceptedAt: now.toISOString(),
                },
              }),
        },
      },
    });
  }, TX_OPTIONS);
  return { id, status: "ACCEPTED" };
}
