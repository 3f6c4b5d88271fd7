import { notFound } from "next/navigation";
import { cache } from "react";
import { platformRolesMay } from "@tessera/core";
import type { ResourceClass } from "@/components/programmes/types";
import { load, loadIfAllowed } from "./api";
import { requireUser } from "./session";

/** A cluster of the catalogue (404 when there is none). */
export const loadCluster = cache((clusterId: string) =>
  loadIfAllowed((api) => api.catalogue.clusters.get({ clusterId })),
);

/** The catalogue lists classes by code; a class is found by walking its pages (it is short). */
async function findResourceClass(resourceClassId: string): Promise<ResourceClass | null> {
  let cursor: string | undefined;
  for (let pageIndex = 0; pageIndex < 50; pageIndex += 1) {
    const page = await load((api) =>
      api.catalogue.resourceClasses.list({ includeInactive: true, cursor, limit: 100 }),
    );
    const found = page.items.find((rc) => rc.id === resourceClassId);
    if (found) return found;
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
  }
  return null;
}

/** The resource class to edit (404 when there is none); null for someone who may not edit it. */
export const loadResourceClass = cache(async (resourceClassId: string) => {
  const user = await requireUser();
  if (!platformRolesMay(user.platformRoles, "catalogue.manage")) return null;
  return (await findResourceClass(resourceClassId)) ?? notFound();
});
