import type { Database, DeadLetter, Prisma } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";

/** Queue name → the outbox event type that feeds it; only these can be re-driven. */
const REDRIVABLE: Record<string, string> = {
  launch: "workload.launch",
  cancel: "workload.cancel",
  provision: "tenant.provision",
};

async function resolve(
  database: Database,
  actor: Actor,
  deadLetterId: string,
  action: "dead_letter.redriven" | "dead_letter.dismissed",
  resolution: string,
  effect: (tx: Prisma.TransactionClient, letter: DeadLetter) => Promise<void>,
): Promise<DeadLetter> {
  return database.$transaction(async (tx) => {
    const letter = await tx.deadLetter.findUnique({ where: { id: deadLetterId } });
    if (!letter) throw notFound("Dead letter");
    const claimed = await tx.deadLetter.updateMany({
      where: { id: deadLetterId, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actor.userId, resolution },
    });
    if (claimed.count === 0) {
      throw new AppError("CONFLICT", "Someone has already dealt with this dead letter.");
    }
    await effect(tx, letter);
    await recordAuditEvent(tx, actor, {
      action,
      targetType: "DeadLetter",
      targetId: letter.id,
      data: { queue: letter.queue, jobId: letter.jobId, jobName: letter.jobName, resolution },
    });
    return tx.deadLetter.findUniqueOrThrow({ where: { id: deadLetterId } });
  }, TX_OPTIONS);
}

/**
 * Puts a dead-lettered job back on its way: a fresh outbox event with the same payload, which the
 * relay enqueues like any other (handlers are idempotent, so a job that half-ran is safe to redo).
 */
export function redriveDeadLetter(
  database: Database,
  actor: Actor,
  deadLetterId: string,
): Promise<DeadLetter> {
  return resolve(
    database,
    actor,
    deadLetterId,
    "dead_letter.redriven",
    "re-driven",
    async (tx, letter) => {
      const type = REDRIVABLE[letter.queue];
      if (!type) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `Jobs of the ${letter.queue} queue run on a schedule and are not re-driven by hand; dismiss it instead.`,
        );
      }
      const payload = letter.payload as Record<string, unknown>;
      const aggregate = payload.workloadId ?? payload.organizationId;
      const aggregateId = typeof aggregate === "string" ? aggregate : letter.jobId;
      await tx.outboxEvent.create({
        data: { type, aggregateId, payload: letter.payload as Prisma.InputJsonValue },
      });
    },
  );
}

/** Marks a dead letter as dealt with, with the operator's reason. */
export function dismissDeadLetter(
  database: Database,
  actor: Actor,
  input: { deadLetterId: string; reason: string },
): Promise<DeadLetter> {
  const reason = input.reason.trim();
  if (reason.length < 3) {
    return Promise.reject(new AppError("INVALID", "Say why this dead letter is dismissed."));
  }
  return resolve(
    database,
    actor,
    input.deadLetterId,
    "dead_letter.dismissed",
    reason,
    async () => {},
  );
}
