import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@tessera/ui";
import { platformRolesMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { ResourceClassForm } from "@/components/programmes/catalogue-forms";
import { programmeRoutes } from "@/components/programmes/paths";
import type { ResourceClass } from "@/components/programmes/types";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: tp.catalogue.title };

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

export default async function ResourceClassPage({
  params,
}: {
  params: Promise<{ resourceClassId: string }>;
}) {
  const { resourceClassId } = await params;
  const user = await requireUser();
  const c = tp.catalogue;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: c.title, href: programmeRoutes.catalogue },
  ];
  if (!platformRolesMay(user.platformRoles, "catalogue.manage")) {
    return <ForbiddenPage crumbs={crumbs} />;
  }
  const resourceClass = await findResourceClass(resourceClassId);
  if (!resourceClass) notFound();
  const title = c.editClassTitle(resourceClass.code);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: title }]} />
      <PageHeader title={title} description={c.editClassLead} />
      <Card>
        <ResourceClassForm existing={resourceClass} />
      </Card>
    </>
  );
}
