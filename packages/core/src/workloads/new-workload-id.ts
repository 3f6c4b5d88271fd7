import { randomBytes } from "node:crypto";

/**
 * A workload id made before the row is written, so the row, its hold reference and its outbox
 * event can all name it in the same statement. Shaped like the ids the database client makes
 * (a letter, then the time and 16 random characters, base 36: sortable by creation, 25 characters),
 * so it fits every place a workload id goes — URLs, job names (`jobNameFor`), hold references.
 */
export function newWorkloadId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const bytes = randomBytes(16);
  let random = "";
  for (const byte of bytes) random += (byte % 36).toString(36);
  return `c${time}${random}`.slice(0, 25);
}
