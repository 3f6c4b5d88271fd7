import { randomUUID } from "node:crypto";
import { Prisma, rawQuery, type WorkloadStatus } from "@tessera/db";
import type { Actor } from "../actor";
import { AUDIT_CHAIN_LINE, auditEventSql } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { formatUnitHours } from "../quota/format-unit-hours";
import { admitHold, placeHoldSql, type PlaceHoldInput } from "../quota/place-hold";
import type { TenantAccess, TenantTransaction } from "../tenancy/tenant-access";
import { checkJobScript, renderJobScript } from "./render-job-script";
import { resolveWorkloadRequest, type WorkloadShape } from "./resolve-workload-request";
import { newWorkloadId } from "./new-workload-id";
import { WORKLOAD_LIMITS } from "./workload-limits";

export type WorkloadSource =
  | { type: "template"; templateId: string; image?: string | null; command: string }
  | { type: "script"; script: string };

export interface SubmitWorkloadInput extends WorkloadShape {
  name: string;
  source: WorkloadSource;
  /** Simulated clusters only: how long the simulated run lasts. Ignored elsewhere. */
  simSeconds?: number | null;
}

/** What the worker needs to run the job, stored on the workload. */
export interface WorkloadSpec {
  script: string;
  templateCode?: string;
  image?: string;
  command?: string;
  simSeconds?: number;
}

const OUTBOX_LAUNCH = "workload.launch";

/**
 * Accepts a training job: in one transaction it decides placement, places the quota hold
 * (quantity × time limit; no hold, no launch), writes the workload, the first timeline entry, the
 * audit event with the placement decision and the outbox event the worker tier launches from.
 * It never talks to a cluster and returns at once; a refusal writes nothing.
 */
export async function submitWorkload(
  tenant: TenantAccess,
  actor: Actor,
  input: SubmitWorkloadInput,
): Promise<{ id: string; status: WorkloadStatus }> {
  if (!actor.userId) throw new AppError("UNAUTHENTICATED", "Sign in to submit a job.");
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) {
    throw new AppError("INVALID", "A job name is 2 to 120 characters.");
  }
  if (
    input.simSeconds != null &&
    (!Number.isSafeInteger(input.simSeconds) ||
      input.simSeconds < 1 ||
      input.simSeconds > WORKLOAD_LIMITS.maxSimSeconds)
  ) {
    throw new AppError("INVALID", "A simulated run lasts between 1 second and 1 hour.");
  }
  const organizationId = tenant.organization.id;
  const actorId = actor.userId;
  // No interactive transaction: one read, then everything is written by one statement, which is
  // atomic by itself. The read decides nothing the database does not decide again (the hold);
  // under READ COMMITTED it saw no more consistent a state inside a transaction than outside.
  const db = tenant.db;
  const resolved = await resolveWorkloadRequest(db, organizationId, input);
  if (resolved.organization.status !== "VERIFIED") {
    throw new AppError(
      "PRECONDITION_FAILED",
      "Only verified organisations can launch compute. Your organisation is awaiting verification.",
    );
  }
  const chosen = resolved.placement.chosen;
  if (!chosen) throw new AppError("PRECONDITION_FAILED", resolved.placement.reason);

  const spec = await buildSpec(db, input, name);
  const scriptProblem = checkJobScript(spec.script, WORKLOAD_LIMITS.maxScriptBytes);
  if (scriptProblem) throw new AppError("INVALID", scriptProblem);

  // One statement writes the hold (the admission decision: the line's conditional UPDATE), the
  // workload bound to it, its first timeline entry, its outbox event and its audit event — each
  // only when the hold was admitted, the audit chain's lock taken last. So the line's row lock
  // and the chain's lock are held for the rest of that statement and its commit only. Raw SQL,
  // so the organisation is written out (this tenant's, as the scoped client would stamp it).
  const workloadId = newWorkloadId();
  const now = new Date().toISOString();
  const templateId = input.source.type === "template" ? input.source.templateId : null;
  const message = `Accepted for ${chosen.clusterName}; ${formatUnitHours(resolved.holdUnitSeconds, resolved.resourceClass.unit)} held.`;
  const holdInput: PlaceHoldInput = {
    organizationId,
    allocationLineId: resolved.line.id,
    unitSeconds: resolved.holdUnitSeconds,
    reference: `workload:${workloadId}`,
    actorId,
  };
  const audit = {
    action: "workload.submitted",
    organizationId,
    targetType: "Workload",
    targetId: workloadId,
    data: {
      name,
      project: resolved.project.id,
      resourceClass: resolved.resourceClass.code,
      quantity: input.quantity,
      walltimeSeconds: input.walltimeSeconds,
      heldUnitSeconds: resolved.holdUnitSeconds,
      cluster: chosen.clusterCode,
      jurisdiction: chosen.jurisdiction,
      placementReason: resolved.placement.reason,
    },
  };
  return admitHold(db, holdInput, async () => {
    const written = await rawQuery<{ id: string; status: WorkloadStatus }>(
      db,
      Prisma.sql`
      WITH ${placeHoldSql(holdInput, randomUUID())}, workload AS (
        INSERT INTO "Workload" ("id", "organizationId", "projectId", "allocationLineId",
                                "resourceClassId", "clusterId", "name", "quantity",
                                "walltimeSeconds", "templateId", "spec", "heldUnitSeconds",
                                "holdId", "placement", "createdById", "createdAt", "updatedAt")
        SELECT ${workloadId}, ${organizationId}, ${resolved.project.id}, ${resolved.line.id},
               ${resolved.resourceClass.id}, ${chosen.clusterId}, ${name}, ${input.quantity}::int,
               ${input.walltimeSeconds}::int, ${templateId}::text, ${JSON.stringify(spec)}::jsonb,
               ${BigInt(resolved.holdUnitSeconds)}::bigint, hold."id",
               ${JSON.stringify(resolved.placement)}::jsonb, ${actorId},
               ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC'
          FROM hold
        RETURNING "id", "status"::text AS "status"
      ), event AS (
        INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason",
                                     "message", "createdAt")
        SELECT ${organizationId}, workload."id", 'ACCEPTED'::"WorkloadStatus", 'Accepted',
               ${message}, ${now}::timestamptz AT TIME ZONE 'UTC'
          FROM workload
      ), outbox AS (
        INSERT INTO "OutboxEvent" ("type", "aggregateId", "payload", "createdAt")
        SELECT ${OUTBOX_LAUNCH}, workload."id", jsonb_build_object('workloadId', workload."id"),
               ${now}::timestamptz AT TIME ZONE 'UTC'
          FROM workload
      ), audit AS (${auditEventSql(actor, audit, "workload")})
      SELECT workload."id", workload."status" FROM workload`,
      AUDIT_CHAIN_LINE,
    );
    return written[0];
  });
}

async function buildSpec(
  tx: Pick<TenantTransaction, "jobTemplate">,
  input: SubmitWorkloadInput,
  name: string,
): Promise<WorkloadSpec> {
  const simSeconds = input.simSeconds ?? undefined;
  if (input.source.type === "script") {
    return { script: input.source.script.replace(/\r\n/g, "\n"), simSeconds };
  }
  const template = await tx.jobTemplate.findFirst({
    where: { id: input.source.templateId, active: true },
  });
  if (!template) throw notFound("Job template");
  const command = input.source.command.trim();
  if (!command) throw new AppError("INVALID", "Say what the job runs: the command is empty.");
  const image = input.source.image?.trim() || template.defaultImage || "";
  if (template.script.includes("{{image}}") && !image) {
    throw new AppError("INVALID", "This template runs a container: give the container image.");
  }
  if (image && !/^[a-z0-9][a-z0-9._\-/:@]{0,254}$/i.test(image)) {
    throw new AppError(
      "INVALID",
      `"${image}" is not a container image reference (e.g. registry.example/team/train:1.4).`,
    );
  }
  const script = renderJobScript(template.script, {
    image,
    command,
    gpus: input.quantity,
    jobName: name,
  });
  return {
    script,
    templateCode: template.code,
    image: image || undefined,
    command,
    simSeconds,
  };
}
