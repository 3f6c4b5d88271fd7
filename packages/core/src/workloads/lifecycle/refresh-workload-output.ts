import { tenantScoped, type Database } from "@tessera/db";
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
 * Stores the latest tail of the job's output as the backend reports it. Writes only when the
 * text differs, so polling a quiet job costs no writes; a terminal workload keeps its last tail.
 */
export async function refreshWorkloadOutput(
  database: Database,
  workload: WorkloadRef,
  output: string | null,
): Promise<boolean> {
  if (output === null) return false;
  const tail = trimOutputTail(output);
  const updated = await tenantScoped(database, workload.organizationId).workload.updateMany({
    where: {
      id: workload.id,
      OR: [{ outputTail: null }, { outputTail: { not: tail } }],
    },
    data: { outputTail: tail },
  });
  return updated.count === 1;
}
