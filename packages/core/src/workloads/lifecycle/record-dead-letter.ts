import type { Database, Prisma } from "@tessera/db";
import { TX_OPTIONS } from "../../transaction";
import { addWorkloadEvent } from "./add-workload-event";

export interface DeadLetterInput {
  queue: string;
  jobId: string;
  jobName: string;
  payload: unknown;
  error: string;
  attempts: number;
  /** For a launch: the workload that stays ACCEPTED until an operator re-drives or dismisses it. */
  workloadId?: string | null;
}

function asJson(value: unknown): Prisma.InputJsonValue {
  return (JSON.parse(JSON.stringify(value ?? {})) ?? {}) as Prisma.InputJsonValue;
}

/**
 * Keeps a queue job that exhausted its retries for operators (the dead-letter view). A launch that
 * gave up leaves its workload ACCEPTED with its hold in place — an operator re-drives it or
 * dismisses it — and the workload's timeline says so, so the quota it holds is never unexplained.
 */
export async function recordDeadLetter(
  database: Database,
  input: DeadLetterInput,
): Promise<{ deadLetterId: string; workloadNoted: boolean }> {
  const error = input.error.slice(0, 4_000);
  return database.$transaction(async (tx) => {
    const letter = await tx.deadLetter.create({
      data: {
        queue: input.queue,
        jobId: input.jobId,
        jobName: input.jobName,
        payload: asJson(input.payload),
        error,
        attempts: input.attempts,
      },
    });
    if (!input.workloadId) return { deadLetterId: letter.id, workloadNoted: false };
    const workload = await tx.workload.findUnique({
      where: { id: input.workloadId },
      select: { id: true, organizationId: true, status: true, statusReason: true },
    });
    if (!workload || workload.status !== "ACCEPTED") {
      return { deadLetterId: letter.id, workloadNoted: false };
    }
    await addWorkloadEvent(tx, {
      workload,
      status: workload.status,
      reason: workload.statusReason,
      message:
        `The launch failed ${input.attempts} times and was set aside for an operator ` +
        `(last error: ${error.slice(0, 300)}). The workload stays accepted and its quota stays ` +
        `held until an operator launches it again or withdraws it.`,
    });
    return { deadLetterId: letter.id, workloadNoted: true };
  }, TX_OPTIONS);
}
