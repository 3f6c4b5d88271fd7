import type { Prisma } from "@tessera/db";

/** What the catalogue shows of a cluster: the cluster and each class it offers, with the mapping. */
export const CLUSTER_WITH_RESOURCES = {
  resources: {
    orderBy: { resourceClass: { code: "asc" } },
    include: {
      resourceClass: {
        select: { id: true, code: true, name: true, kind: true, unit: true, active: true },
      },
    },
  },
} as const satisfies Prisma.ClusterInclude;

export type ClusterWithResources = Prisma.ClusterGetPayload<{
  include: typeof CLUSTER_WITH_RESOURCES;
}>;

/** A class on a cluster with the units of it in use there now (which may exceed its capacity). */
export type ClusterResourceWithUse = ClusterWithResources["resources"][number] & { inUse: number };

/** A cluster as its catalogue page shows it: each class with its capacity and use now. */
export type ClusterWithUse = Omit<ClusterWithResources, "resources"> & {
  resources: ClusterResourceWithUse[];
};
