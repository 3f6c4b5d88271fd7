import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { serverEnv } from "@tessera/config";
import { platformRolesMay, roleMay } from "@tessera/core";
import { AppShell } from "@/components/shell/app-shell";
import type { NavData } from "@/components/shell/nav-data";
import { parseTheme, THEME_COOKIE } from "@/lib/paths";
import { load } from "@/server/api";
import { requireUser } from "@/server/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [me, unread] = await Promise.all([
    load((api) => api.me.get()),
    load((api) => api.notifications.list({ unreadOnly: true, limit: 1 })),
  ]);
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);

  const nav: NavData = {
    organisations: me.memberships.map((m) => ({
      id: m.organization.id,
      name: m.organization.name,
      status: m.organization.status,
      role: m.role,
      canReadAudit: roleMay(m.role, "audit.read"),
      canReadBilling: roleMay(m.role, "billing.read"),
      canManage: roleMay(m.role, "organization.update"),
    })),
    hasPlatformRole: user.platformRoles.length > 0,
    canReviewOrganisations: platformRolesMay(user.platformRoles, "organizations.readAll"),
    canReadAllAudit: platformRolesMay(user.platformRoles, "audit.readAll"),
    canReadStateAid: platformRolesMay(user.platformRoles, "stateAid.read"),
    showOutbox: serverEnv().DEV_OUTBOX_ENABLED,
    programmes: {
      canManageProgrammes: platformRolesMay(user.platformRoles, "programmes.manage"),
      canReview: platformRolesMay(user.platformRoles, "reviews.perform"),
      canReadCatalogue: platformRolesMay(user.platformRoles, "catalogue.read"),
      unreadNotifications: unread.unreadCount,
    },
    workloads: {
      canReadTemplates: platformRolesMay(user.platformRoles, "catalogue.read"),
      canReadOperations: platformRolesMay(user.platformRoles, "operations.read"),
    },
  };

  return (
    <AppShell
      user={{
        name: me.user.name ?? me.user.email ?? "",
        email: me.user.email ?? "",
        platformRoles: me.user.platformRoles,
      }}
      nav={nav}
      theme={theme}
    >
      {children}
    </AppShell>
  );
}
