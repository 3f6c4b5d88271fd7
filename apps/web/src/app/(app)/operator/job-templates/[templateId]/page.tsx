import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@tessera/ui";
import { platformRolesMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { TemplateForm } from "@/components/workloads/template-form";
import { t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: tw.templates.editPageTitle };

interface Props {
  params: Promise<{ templateId: string }>;
}

export default async function EditJobTemplatePage({ params }: Props) {
  const { templateId } = await params;
  const user = await requireUser();
  const m = tw.templates;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: m.title, href: routes.jobTemplates },
    { label: m.editPageTitle },
  ];
  if (!platformRolesMay(user.platformRoles, "catalogue.manage")) {
    return <ForbiddenPage crumbs={crumbs} title={m.editPageTitle} />;
  }
  const templates = await load((api) => api.jobTemplates.list());
  const template = templates.find((item) => item.id === templateId);
  if (!template) notFound();
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={m.editTitle(template.code)} description={template.name} />
      <Card>
        <TemplateForm existing={template} />
      </Card>
    </>
  );
}
