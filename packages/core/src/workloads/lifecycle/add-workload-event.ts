import type { Prisma, WorkloadStatus } from "@tessera/db";

export interface WorkloadEventWriter {
  workloadEvent: {
    create(args: { data: Prisma.WorkloadEventUncheckedCreateInput }): PromiseLike<unknown>;
  };
}

/** Appends one entry to the workload's timeline, inside the caller's transaction. */
export async function addWorkloadEvent(
  tx: WorkloadEventWriter,
  event: {
    workload: { id: string; organizationId: string };
    status: WorkloadStatus;
    reason?: string | null;
    message: string;
    /** When it happened, if not now: the instant the workload itself stores for the change. */
    at?: Date;
  },
): Promise<void> {
  await tx.workloadEvent.create({
    data: {
      organizationId: event.workload.organizationId,
      workloadId: event.workload.id,
      status: event.status,
      reason: event.reason ?? null,
      message: event.message,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  });
}
