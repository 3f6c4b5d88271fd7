import { Prisma, type Database } from "@tessera/db";
import type { WorkloadRef } from "./lock-workload";

/** What the job page shows of stdout/stderr: the end of it, at most this many characters. */
export const OUTPUT_TAIL_MAX_CHARS = 16_000;

/** Pure: the last part of the output that fits, cut at a line start when it can be. */
export function trimOutputTail(text: string, max = OUTPUT_TAIL_MAX_CHARS): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max);
  const newline = tail.indexOf("\n");
  return newline >= 0 && newline < tail.length - 1 ? tail.slice(newline + 1) : tail;
}

/**
 * A running job's tail is written at most this often: tracking sweeps every few seconds and a
 * busy job's output grows on every one, so writing each time rewrote every running workload's
 * row (and up to 16 kB of text) on every sweep. The last words of a job that ended are always
 * written.
 */
export const OUTPUT_REFRESH_SECONDS = 10;

/** Pure: whether a tail taken at `takenAt` is due to be taken again. */
export function outputTailDue(takenAt: Date | null, now: Date): boolean {
  return takenAt === null || now.getTime() - takenAt.getTime() >= OUTPUT_REFRESH_SECONDS * 1000;
}

export interface OutputUpdate {
  workload: WorkloadRef;
  output: string;
  /** The job has ended: its last words are written whenever the tail was last taken. */
  final?: boolean;
}

/**
 * Stores the latest tail of each job's output as the backend reports it, in one statement.
 * Writes only where the text differs and, for a running job, where the stored tail is older than
 * OUTPUT_REFRESH_SECONDS; a terminal workload keeps its last tail. Raw SQL, so each row's
 * organisation is written out in the condition. Returns how many workloads got a new tail.
 */
export async function refreshWorkloadOutputs(
  database: Database,
  outputs: readonly OutputUpdate[],
  now: Date = new Date(),
): Promise<number> {
  if (outputs.length === 0) return 0;
  const dueBefore = new Date(now.getTime() - OUTPUT_REFRESH_SECONDS * 1000);
  return database.$executeRaw(Prisma.sql`
    UPDATE "Workload" AS w SET "outputTail" = u.tail, "outputTailAt" = ${now}
      FROM unnest(${outputs.map((o) => o.workload.id)}::text[],
                  ${outputs.map((o) => o.workload.organizationId)}::text[],
                  ${outputs.map((o) => trimOutputTail(o.output))}::text[],
                  ${outputs.map((o) => o.final === true)}::boolean[]) AS u(id, org, tail, final)
     WHERE w."id" = u.id AND w."organizationId" = u.org
       AND w."outputTail" IS DISTINCT FROM u.tail
       AND (u.final OR w."outputTailAt" IS NULL OR w."outputTailAt" <= ${dueBefore})`);
}

/** refreshWorkloadOutputs for one workload; a backend that could not tell (null) changes nothing. */
export async function refreshWorkloadOutput(
  database: Database,
  workload: WorkloadRef,
  output: string | null,
  options: { final?: boolean; now?: Date } = {},
): Promise<boolean> {
  if (output === null) return false;
  const updates = [{ workload, output, final: options.final }];
  return (await refreshWorkloadOutputs(database, updates, options.now)) === 1;
}
