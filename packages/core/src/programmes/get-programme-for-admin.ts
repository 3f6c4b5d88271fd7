import type { Database } from "@tessera/db";
import { notFound } from "../errors";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

export async function getProgrammeForAdmin(
  database: Database,
  programmeId: string,
  now: Date = new Date(),
): Promise<ProgrammeView> {
  const programme = await database.programme.findUnique({
    where: { id: programmeId },
    include: PROGRAMME_WITH_CALLS,
  });
  if (!programme) throw notFound("Programme");
  return toProgrammeView(programme, now);
}
