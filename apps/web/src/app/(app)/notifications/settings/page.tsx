import type { Metadata } from "next";
import { PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { MailPreferencesForm } from "@/components/notifications/mail-preferences-form";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, th, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";

export const metadata: Metadata = { title: th.preferences.title };

export default async function NotificationSettingsPage() {
  const preferences = await load((api) => api.notifications.preferences());
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: tp.notifications.title, href: programmeRoutes.notifications },
          { label: th.preferences.title },
        ]}
      />
      <PageHeader title={th.preferences.title} description={th.preferences.lead} />
      <MailPreferencesForm initial={preferences} />
    </>
  );
}
