import { platformRolesMay, type PlatformAction } from "@tessera/core";
import type { Crumb } from "@/components/breadcrumbs";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { requireUser } from "./session";

/**
 * What the signed-in person may do on a top-level platform page (catalogue, job templates,
 * operations): look at it, and change what it shows. The crumbs lead from the dashboard.
 */
export async function platformPageAccess(
  title: string,
  read: PlatformAction,
  manage: PlatformAction,
): Promise<{ crumbs: Crumb[]; mayRead: boolean; canManage: boolean }> {
  const user = await requireUser();
  return {
    crumbs: [{ label: t.nav.dashboard, href: routes.dashboard }, { label: title }],
    mayRead: platformRolesMay(user.platformRoles, read),
    canManage: platformRolesMay(user.platformRoles, manage),
  };
}
