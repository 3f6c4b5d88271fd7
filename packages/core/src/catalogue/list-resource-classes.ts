import type { Database, ResourceClass } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, toPage, type Page, type PageInput } from "../pagination";

export interface ListResourceClassesInput extends PageInput {
  /** Operators see retired classes too; everyone else only what can be requested. */
  includeInactive?: boolean | null;
}

const CODE_CURSOR = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** The catalogue's resource classes in code order. The cursor is the last code seen. */
export async function listResourceClasses(
  database: Database,
  input: ListResourceClassesInput,
): Promise<Page<ResourceClass>> {
  const size = pageSize(input.limit);
  if (input.cursor && !CODE_CURSOR.test(input.cursor)) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  const rows = await database.resourceClass.findMany({
    where: {
      ...(input.includeInactive ? {} : { active: true }),
      ...(input.cursor ? { code: { gt: input.cursor } } : {}),
    },
    orderBy: { code: "asc" },
    take: size + 1,
  });
  return toPage(rows, size, (row) => row.code);
}
