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
 * Stores the latest tail of each job's output as the backend reports it, in one statement.
 * Writes only where the text differs, so polling quiet jobs costs no writes; a terminal workload
 * keeps its last tail. Raw SQL, so each row's organisation is written out in the condition.
 * Returns how many workloads got a new tail.
 */
export async function refreshWorkloadOutputs(
  database: Database,
  outputs: readonly { workload: WorkloadRef; output: string }[],
): Promise<number> {
  if (outputs.length === 0) return 0;
  return database.$executeRaw(Prisma.sql`
    UPDATE "Workload" AS w SET "outputTail" = u.tail
      FROM unnest(${outputs.map((o) => o.workload.id)}::text[],
                  ${outputs.map((o) => o.workload.organizationId)}::text[],
                  ${outputs.map((o) => trimOutputTail(o.output))}::text[]) AS u(id, org, tail)
     WHERE w."id" = u.id AND w."organizationId" = u.org
       AND w."outputTail" IS DISTINCT FROM u.tail`);
}

/** refreshWorkloadOutputs for one workload; a backend that could not tell (null) changes nothing. */
export async function refreshWorkloadOutput(
  database: Database,
  workload: WorkloadRef,
  output: string | null,
): Promise<boolean> {
  if (output === null) return false;
  return (await refreshWorkloadOutputs(database, [{ workload, output }])) === 1;
}
