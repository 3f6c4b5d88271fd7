import type { Metadata } from "next";
import { Card, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { TemplateForm } from "@/components/workloads/template-form";
import { t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadJobTemplate } from "@/server/workloads";

export const metadata: Metadata = { title: tw.templates.editPageTitle };

interface Props {
  params: Promise<{ templateId: string }>;
}

export default async function EditJobTemplatePage({ params }: Props) {
  const { templateId } = await params;
  const m = tw.templates;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: m.title, href: routes.jobTemplates },
    { label: m.editPageTitle },
  ];
  const template = await loadJobTemplate(templateId);
  if (!template) return <ForbiddenPage crumbs={crumbs} title={m.editPageTitle} />;
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
