import type { Metadata } from "next";
import { PageHeader } from "@tessera/ui";
import { ISO_COUNTRY_CODES } from "@tessera/core";
import { OrganizationKind } from "@tessera/db";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { OnboardingForm } from "@/components/forms/onboarding-form";
import { countryName, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: t.onboarding.title };

export default async function OnboardingPage() {
  const user = await requireUser();
  const kinds = Object.values(OrganizationKind).map((kind) => ({
    value: kind,
    label: t.kinds[kind] ?? kind,
  }));
  const countries = [...ISO_COUNTRY_CODES]
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB"));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: t.onboarding.breadcrumb },
        ]}
      />
      <PageHeader title={t.onboarding.title} description={t.onboarding.lead} />
      <OnboardingForm
        kinds={kinds}
        countries={countries}
        defaultContact={{ name: user.name ?? "", email: user.email ?? "" }}
      />
    </>
  );
}
