import type { Metadata } from "next";
import Link from "next/link";
import { Card, Td, Th } from "@tessera/ui";
import { ForbiddenPage } from "@/components/forbidden-page";
import { PlatformPage } from "@/components/platform-page";
import { ActiveBadge } from "@/components/programmes/badges";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { TemplateForm } from "@/components/workloads/template-form";
import { formatDateTime, t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { platformPageAccess } from "@/server/platform-page";

export const metadata: Metadata = { title: tw.templates.title };

export default async function JobTemplatesPage() {
  const m = tw.templates;
  const { crumbs, mayRead, canManage } = await platformPageAccess(
    m.title,
    "catalogue.read",
    "catalogue.manage",
  );
  if (!mayRead) return <ForbiddenPage crumbs={crumbs} title={m.title} />;
  const templates = await load((api) => api.jobTemplates.list());

  return (
    <PlatformPage
      crumbs={crumbs}
      title={m.title}
      lead={m.lead}
      readOnlyNote={canManage ? null : m.readOnly}
    >
      {templates.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
          {canManage ? m.emptyManage : m.empty}
        </p>
      ) : (
        <ScrollTable caption={m.caption}>
          <thead>
            <tr>
              <Th>{m.code}</Th>
              <Th>{m.name}</Th>
              <Th>{m.kind}</Th>
              <Th>{m.defaultImage}</Th>
              <Th>{m.status}</Th>
              <Th>{m.updated}</Th>
              {canManage ? (
                <Th>
                  <span className="sr-only">{m.edit}</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id} data-testid={`template-${template.code}`}>
                <Td className="font-mono">{template.code}</Td>
                <Td className="min-w-56">
                  <span className="font-semibold">{template.name}</span>
                  <span className="block text-fg-muted">{template.description}</span>
                </Td>
                <Td className="whitespace-nowrap">{m.kinds[template.kind]}</Td>
                <Td className="min-w-40 break-all font-mono text-xs">
                  {template.defaultImage ?? <span className="font-sans">{t.common.none}</span>}
                </Td>
                <Td>
                  <ActiveBadge active={template.active} />
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(template.updatedAt)}</Td>
                {canManage ? (
                  <Td>
                    <Link
                      href={routes.jobTemplate(template.id)}
                      className="font-semibold text-link underline"
                    >
                      {m.editLink(template.code)}
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {canManage ? (
        <Card title={m.newTitle}>
          <TemplateForm />
        </Card>
      ) : null}
    </PlatformPage>
  );
}
