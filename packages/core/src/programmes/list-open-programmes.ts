import type { Database } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

/** Programmes with a call that is open now or still to open, newest first. */
export async function listOpenProgrammes(
  database: Database,
  input: PageInput,
  now: Date = new Date(),
): Promise<Page<ProgrammeView>> {
  const size = pageSize(input.limit);
  const rows = await database.programme.findMany({
    where: { calls: { some: { closesAt: { gt: now } } }, ...afterTimeCursor(input.cursor) },
    include: PROGRAMME_WITH_CALLS,
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return { items: page.items.map((row) => toProgrammeView(row, now)), nextCursor: page.nextCursor };
}
