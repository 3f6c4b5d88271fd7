import type { Database } from "@tessera/db";
import { pageSize } from "../pagination";

/** Undertaking groups by name, with their organisations, for the administrators' pickers. */
export async function listUndertakingGroups(
  database: Database,
  input: { q?: string | null; limit?: number },
) {
  const q = input.q?.trim();
  const groups = await database.undertakingGroup.findMany({
    where: q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { registryId: { contains: q, mode: "insensitive" } },
          ],
        }
      : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: pageSize(input.limit),
    include: { organizations: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
  });
  return { items: groups };
}
