import type { Metadata } from "next";
import { Card, PageHeader } from "@tessera/ui";
import { platformRolesMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { dateTimeInputValue } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { ProgrammeForm } from "@/components/programmes/programme-form";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: tp.programmeForm.title };

const HOUR = 3_600_000;

/** The first call opens at the start of the current hour (UTC) and runs for 30 days. */
function firstCallWindow(now: Date): { opens: Date; closes: Date } {
  const opens = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  return { opens, closes: new Date(opens.getTime() + 30 * 24 * HOUR) };
}

export default async function NewProgrammePage() {
  const user = await requireUser();
  const allowed = platformRolesMay(user.platformRoles, "programmes.manage");
  const { opens, closes } = firstCallWindow(new Date());
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: tp.admin.title, href: programmeRoutes.adminProgrammes },
          { label: tp.programmeForm.title },
        ]}
      />
      <PageHeader title={tp.programmeForm.title} description={tp.programmeForm.lead} />
      {allowed ? (
        <Card>
          <ProgrammeForm
            defaultOpens={dateTimeInputValue(opens)}
            defaultCloses={dateTimeInputValue(closes)}
          />
        </Card>
      ) : (
        <Forbidden />
      )}
    </>
  );
}
