import type { Metadata } from "next";
import { Card, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { ResourceClassForm } from "@/components/programmes/catalogue-forms";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadResourceClass } from "@/server/catalogue";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ resourceClassId: string }>;
}): Promise<Metadata> {
  const resourceClass = await loadResourceClass((await params).resourceClassId);
  return {
    title: resourceClass ? tp.catalogue.editClassTitle(resourceClass.code) : tp.catalogue.title,
  };
}

export default async function ResourceClassPage({
  params,
}: {
  params: Promise<{ resourceClassId: string }>;
}) {
  const { resourceClassId } = await params;
  const c = tp.catalogue;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: c.title, href: programmeRoutes.catalogue },
  ];
  const resourceClass = await loadResourceClass(resourceClassId);
  if (!resourceClass) return <ForbiddenPage crumbs={crumbs} />;
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
