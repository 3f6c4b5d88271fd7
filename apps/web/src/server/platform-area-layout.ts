import { platformRolesMay, type PlatformAction } from "@tessera/core";
import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "./session";

/**
 * The layout of a platform area (programme administration, state aid, audit, operations…): it
 * checks the platform role before the area's loading boundaries, so that someone without it gets
 * a real HTTP 403 and the platform's refusal (app/(app)/forbidden.tsx) instead of the page. Below
 * a loading boundary the response has already begun, with status 200. A signed-out visitor goes
 * on to the page, which sends them to sign in. The API checks the same table on every call.
 */
export function platformAreaLayout(action: PlatformAction) {
  return async function PlatformAreaLayout({ children }: { children: ReactNode }) {
    const user = await currentUser();
    if (user !== null && !platformRolesMay(user.platformRoles, action)) forbidden();
    return children;
  };
}
