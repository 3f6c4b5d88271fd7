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

export interface ListProgrammesForAdminInput extends PageInput {
  q?: string | null;
}

export type ProgrammeForAdmin = ProgrammeView & { applicationCount: number };

/** Every programme, newest first, for the programme administrators' side. */
export async function listProgrammesForAdmin(
  database: Database,
  input: ListProgrammesForAdminInput,
  now: Date = new Date(),
): Promise<Page<ProgrammeForAdmin>> {
  const size = pageSize(input.limit);
  const q = input.q?.trim();
  const rows = await database.programme.findMany({
    where: {
      ...afterTimeCursor(input.cursor),
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" as const } },
              { sponsor: { contains: q, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    include: {
      ...PROGRAMME_WITH_CALLS,
      // Drafts are the applicants' own business until submitted.
      _count: { select: { requests: { where: { status: { not: "DRAFT" } } } } },
    },
    orderBy: TIME_ORDER,
    take: size + 1,
  });
  const page = toPage(rows, size, timeCursorOf);
  return {
    items: page.items.map((row) => ({
      ...toProgrammeView(row, now),
      applicationCount: row._count.requests,
    })),
    nextCursor: page.nextCursor,
  };
}
