import type { Database, DeadLetter } from "@tessera/db";
import {
  decodeTimeCursor,
  encodeTimeCursor,
  pageSize,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";

/** Queue jobs that exhausted their retries, newest first; resolved ones only when asked. */
export async function listDeadLetters(
  database: Database,
  input: PageInput & { includeResolved?: boolean | null },
): Promise<Page<DeadLetter>> {
  const size = pageSize(input.limit);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await database.deadLetter.findMany({
    where: {
      AND: [
        input.includeResolved ? {} : { resolvedAt: null },
        after
          ? { OR: [{ failedAt: { lt: after.at } }, { failedAt: after.at, id: { lt: after.id } }] }
          : {},
      ],
    },
    orderBy: [{ failedAt: "desc" }, { id: "desc" }],
    take: size + 1,
  });
  return toPage(rows, size, (row) => encodeTimeCursor({ at: row.failedAt, id: row.id }));
}
