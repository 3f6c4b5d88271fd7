import { randomUUID } from "node:crypto";
import { Prisma, columnsOf, rawBatchQuery, type RawBatch, type WorkloadStatus } from "@tessera/db";
import type { Actor } from "../actor";
import {
  AUDIT_CHAIN_LINE,
  auditEventsSql,
  type GatedAuditEvent,
} from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { formatUnitHours } from "../quota/format-unit-hours";
import { admitHold, admitHoldsSql, type PlaceHoldInput } from "../quota/place-hold";
import { quotaShortfallMessage } from "../quota/quota-shortfall-message";
import type { TenantAccess, TenantTransaction } from "../tenancy/tenant-access";
import { checkScriptDirectives } from "./check-script-directives";
import type { NodeShape } from "./node-placement";
import { placementRefusal } from "./place-workload";
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
  /**
   * The nodes the job was accepted for (and its template rendered with); the launch asks the
   * scheduler for exactly these. Absent on jobs accepted before nodes were recorded.
   */
  nodes?: NodeShape;
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
  // The quota shortfall is said first: it is what the person can change (fewer units, a shorter
  // time limit), and it is what the form's preview says. The hold's admission decides again.
  const remaining =
    resolved.line.grantedUnitSeconds -
    resolved.line.heldUnitSeconds -
    resolved.line.consumedUnitSeconds;
  if (BigInt(resolved.holdUnitSeconds) > remaining) {
    throw new AppError(
      "PRECONDITION_FAILED",
      quotaShortfallMessage(resolved.holdUnitSeconds, remaining, resolved.resourceClass.unit),
      { reason: "QUOTA" },
    );
  }
  const chosen = resolved.placement.chosen;
  if (!chosen) throw placementRefusal(resolved.placement);

  const nodes = resolved.nodes ?? { nodes: 1, unitsPerNode: input.quantity };
  const spec = await buildSpec(db, input, name, nodes);
  const scriptProblem =
    checkJobScript(spec.script, WORKLOAD_LIMITS.maxScriptBytes) ??
    (input.source.type === "script"
      ? checkScriptDirectives(spec.script, {
          quantity: input.quantity,
          nodes,
          walltimeSeconds: input.walltimeSeconds,
          unit: resolved.resourceClass.unit,
        })
      : null);
  if (scriptProblem) throw new AppError("INVALID", scriptProblem);

  // One statement writes the hold (the admission decision, under the line's row lock), the
  // workload bound to it, its first timeline entry, its outbox event and its audit event — each
  // only when the hold was admitted, the audit chain's lock taken last — shared with the submits
  // on the same line that queued behind the last one in this process (submitBatch). So the
  // line's row lock and the chain's lock are held for the rest of that statement and its commit
  // only. Raw SQL, so the organisation is written out (this tenant's, as the scoped client
  // would stamp it).
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
  const item: SubmitItem = {
    workloadId,
    holdId: randomUUID(),
    reference: holdInput.reference,
    organizationId,
    allocationLineId: resolved.line.id,
    unitSeconds: resolved.holdUnitSeconds,
    actorId,
    projectId: resolved.project.id,
    resourceClassId: resolved.resourceClass.id,
    clusterId: chosen.clusterId,
    name,
    quantity: input.quantity,
    walltimeSeconds: input.walltimeSeconds,
    templateId,
    spec: JSON.stringify(spec),
    placement: JSON.stringify(resolved.placement),
    at: now,
    message,
    audit: { actor, input: audit, key: workloadId },
  };
  return admitHold(db, holdInput, () => rawBatchQuery(db, submitBatch(item), item));
}

interface SubmitItem {
  workloadId: string;
  holdId: string;
  /** The hold's reference (PlaceHoldInput.reference). */
  reference: string;
  organizationId: string;
  allocationLineId: string;
  unitSeconds: number;
  actorId: string;
  projectId: string;
  resourceClassId: string;
  clusterId: string;
  name: string;
  quantity: number;
  walltimeSeconds: number;
  templateId: string | null;
  /** JSON texts. */
  spec: string;
  placement: string;
  /** When the submit was accepted (ISO). */
  at: string;
  message: string;
  audit: GatedAuditEvent;
}

/**
 * The write for the submits on one allocation line that queue in this process behind the one
 * being written (audit chain's line): one statement admits the longest run of them, in order,
 * that the line's remaining quota covers — read under the line's row lock — and writes for each
 * admitted one its hold, ledger entry, workload, timeline entry, outbox event and audit event
 * (the chain linked in order). A submit that was not admitted gets undefined, and admitHold
 * explains or retries it as it does a refusal of the single statement.
 */
function submitBatch(
  first: SubmitItem,
): RawBatch<
  SubmitItem,
  { id: string; status: WorkloadStatus },
  { id: string; status: WorkloadStatus } | undefined
> {
  const { organizationId, allocationLineId } = first;
  return {
    key: `workload.submit:${organizationId}:${allocationLineId}`,
    line: AUDIT_CHAIN_LINE.line,
    statement: (items) => {
      const column = columnsOf(items);
      return Prisma.sql`
      WITH RECURSIVE input AS (
        SELECT * FROM unnest(${column("workloadId")}::text[], ${column("holdId")}::text[],
                             ${column("reference")}::text[],
                             ${items.map((item) => BigInt(item.unitSeconds))}::bigint[],
                             ${column("actorId")}::text[], ${column("projectId")}::text[],
                             ${column("resourceClassId")}::text[], ${column("clusterId")}::text[],
                             ${column("name")}::text[], ${column("quantity")}::int[],
                             ${column("walltimeSeconds")}::int[], ${column("templateId")}::text[],
                             ${column("spec")}::text[], ${column("placement")}::text[],
                             ${column("at")}::text[], ${column("message")}::text[])
          WITH ORDINALITY AS i("workloadId", "holdId", "reference", n, "actorId", "projectId",
                               "resourceClassId", "clusterId", "name", "quantity",
                               "walltimeSeconds", "templateId", "spec", "placement", "at",
                               "message", ord)
      ), wanted AS (
        SELECT i.*, i."at"::timestamptz AT TIME ZONE 'UTC' AS "stamp" FROM input i
      ), ${admitHoldsSql({ organizationId, allocationLineId }, "wanted")}, workload AS (
        INSERT INTO "Workload" ("id", "organizationId", "projectId", "allocationLineId",
                                "resourceClassId", "clusterId", "name", "quantity",
                                "walltimeSeconds", "templateId", "spec", "heldUnitSeconds",
                                "holdId", "placement", "createdById", "createdAt", "updatedAt")
        SELECT a."workloadId", ${organizationId}, a."projectId", line."id", a."resourceClassId",
               a."clusterId", a."name", a."quantity", a."walltimeSeconds", a."templateId",
               a."spec"::jsonb, a.n, a."holdId", a."placement"::jsonb, a."actorId", a."stamp",
               a."stamp"
          FROM admitted a, line
         ORDER BY a.ord
        RETURNING "id", "status"::text AS "status"
      ), event AS (
        INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason",
                                     "message", "createdAt")
        SELECT ${organizationId}, a."workloadId", 'ACCEPTED'::"WorkloadStatus", 'Accepted',
               a."message", a."stamp"
          FROM admitted a JOIN workload w ON w."id" = a."workloadId"
      ), outbox AS (
        INSERT INTO "OutboxEvent" ("type", "aggregateId", "payload", "createdAt")
        SELECT ${OUTBOX_LAUNCH}, a."workloadId", jsonb_build_object('workloadId', a."workloadId"),
               a."stamp"
          FROM admitted a JOIN workload w ON w."id" = a."workloadId"
         ORDER BY a.ord
      ), ${auditEventsSql(
        items.map((item) => item.audit),
        { cte: "workload", column: "id" },
      )}
      SELECT "id", "status" FROM workload`;
    },
    results: (rows, items) => {
      const written = new Map(rows.map((row) => [row.id, row]));
      return items.map((item) => written.get(item.workloadId));
    },
  };
}

async function buildSpec(
  tx: Pick<TenantTransaction, "jobTemplate">,
  input: SubmitWorkloadInput,
  name: string,
  nodes: NodeShape,
): Promise<WorkloadSpec> {
  const simSeconds = input.simSeconds ?? undefined;
  if (input.source.type === "script") {
    return { script: input.source.script.replace(/\r\n/g, "\n"), simSeconds, nodes };
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
    nodes: nodes.nodes,
    gpusPerNode: nodes.unitsPerNode,
    jobName: name,
  });
  return {
    script,
    nodes,
    templateCode: template.code,
    image: image || undefined,
    command,
    simSeconds,
  };
}
