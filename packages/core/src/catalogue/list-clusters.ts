import type { Database } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, toPage, type Page, type PageInput } from "../pagination";
import { CLUSTER_WITH_RESOURCES, type ClusterWithResources } from "./cluster-view";

export interface ListClustersInput extends PageInput {
  includeInactive?: boolean | null;
}

const CODE_CURSOR = /^[a-z0-9][a-z0-9.-]{0,63}$/;

export interface ClusterPage extends Page<ClusterWithResources> {
  /** Retired clusters in all, listed or not: what a "Show retired clusters (N)" toggle counts. */
  retiredCount: number;
}

/**
 * Registered clusters in code order, each with its resource classes and their mappings; retired
 * ones only when asked for.
 */
export async function listClusters(
  database: Database,
  input: ListClustersInput,
): Promise<ClusterPage> {
  const size = pageSize(input.limit);
  if (input.cursor && !CODE_CURSOR.test(input.cursor)) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  const [rows, retiredCount] = await Promise.all([
    database.cluster.findMany({
      where: {
        ...(input.includeInactive ? {} : { active: true }),
        ...(input.cursor ? { code: { gt: input.cursor } } : {}),
      },
      include: CLUSTER_WITH_RESOURCES,
      orderBy: { code: "asc" },
      take: size + 1,
    }),
    database.cluster.count({ where: { active: false } }),
  ]);
  return { ...toPage(rows, size, (row) => row.code), retiredCount };
}
