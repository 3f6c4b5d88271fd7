import type { Metadata } from "next";
import Link from "next/link";
import { Button, PageHeader } from "@tessera/ui";
import { AUDIT_ACTIONS, type AuditAction } from "@tessera/core";
import { AuditActionField } from "@/components/audit-action-field";
import { AuditTable } from "@/components/audit-table";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { Pagination } from "@/components/pagination";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadViewer } from "@/server/viewer";
import { loadOrganisation } from "@/server/organisation";

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export const metadata: Metadata = { title: t.audit.title };

function asAction(value: string | undefined): AuditAction | undefined {
  return (AUDIT_ACTIONS as readonly string[]).includes(value ?? "")
    ? (value as AuditAction)
    : undefined;
}

export default async function OrganisationAuditPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const cursor = param(query.cursor);
  const action = asAction(param(query.action));
  const organisation = await loadOrganisation(organizationId);
  const page = await loadIfAllowed((api) =>
    api.audit.list({ organizationId, cursor, action, limit: 25 }),
  );
  const basePath = routes.audit(organizationId);
  const viewer = await loadViewer();

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: t.audit.title },
        ]}
      />
      <PageHeader title={t.audit.title} description={t.audit.orgLead} />
      {page.allowed ? (
        <div className="space-y-4">
          <form
            method="get"
            action={basePath}
            className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4"
          >
            <AuditActionField id="audit-action" defaultValue={action ?? ""} className="w-auto" />
            <Button type="submit" variant="secondary">
              {t.common.filter}
            </Button>
            {action ? (
              <Link href={basePath} className="py-2 text-link underline">
                {t.common.clearFilters}
              </Link>
            ) : null}
          </form>
          <AuditTable
            events={page.data.items}
            showOrganisation={false}
            scope="tenant"
            viewer={viewer}
          />
          <Pagination
            basePath={basePath}
            params={{ action }}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      ) : (
        <Forbidden invalid={page.invalid} resetHref={basePath} />
      )}
    </>
  );
}
