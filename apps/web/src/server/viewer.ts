import { cache } from "react";
import type { Viewer } from "@/lib/viewer";
import { load } from "./api";
import { requireUser } from "./session";

/** The signed-in person's roles and memberships, read once per request. */
export const loadViewer = cache(async (): Promise<Viewer> => {
  const user = await requireUser();
  const me = await load((api) => api.me.get());
  return {
    platformRoles: user.platformRoles,
    memberOf: new Set(me.memberships.map((membership) => membership.organizationId)),
  };
});
