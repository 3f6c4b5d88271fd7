import type { Metadata } from "next";
import Link from "next/link";
import { Button, Card, ErrorSummary, PageHeader } from "@tessera/ui";
import { AuditActionField } from "@/components/audit-action-field";
import { AuditTable } from "@/components/audit-table";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { InputField } from "@/components/form/fields";
import { VerifyChain } from "@/components/forms/verify-chain";
import { Pagination } from "@/components/pagination";
import { t } from "@/i18n";
import { readAuditFilters, type AuditFilterField } from "@/lib/audit-filters";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadViewer } from "@/server/viewer";

export const metadata: Metadata = { title: t.audit.allTitle };

const FIELD_IDS: Record<AuditFilterField, string> = {
  organization: "filter-organisation",
  actorEmail: "filter-actor",
  action: "filter-action",
  from: "filter-from",
  to: "filter-to",
};

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const { values: filters, errors, query: checked } = readAuditFilters(query);
  const cursor = param(query.cursor);
  // A filter that is not valid is shown beside its field and no events are shown until it is
  // corrected; the unfiltered call then only checks that the viewer may see this page at all.
  const loaded = await loadIfAllowed((api) =>
    checked
      ? api.admin.audit.list({ ...checked, cursor, limit: 25 })
      : api.admin.audit.list({ limit: 1 }),
  );
  const page = checked || !loaded.allowed ? loaded : null;
  const problems = (Object.keys(FIELD_IDS) as AuditFilterField[]).flatMap((field) =>
    errors[field] ? [{ fieldId: FIELD_IDS[field], message: errors[field] }] : [],
  );
  const filtered = Object.values(filters).some(Boolean);
  const viewer = await loadViewer();

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: t.audit.allTitle }]}
      />
      <PageHeader title={t.audit.allTitle} description={t.audit.allLead} />
      {page && !page.allowed ? (
        <Forbidden invalid={page.invalid} resetHref={routes.adminAudit} />
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={t.audit.verifyTitle}>
              <VerifyChain />
            </Card>
            <Card title={t.audit.exportTitle}>
              <p className="text-fg-muted">{t.audit.exportLead}</p>
              <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono text-sm">
                {t.audit.exportCommand}
              </pre>
              <p className="mt-2 text-sm text-fg-muted">{t.audit.exportScript}</p>
              <div className="mt-3 flex flex-wrap gap-3">
                <a
                  href={`${routes.adminAuditExport}?format=jsonl`}
                  className="rounded border border-line px-3 py-2 font-semibold text-link underline"
                  download
                >
                  {t.audit.exportJsonl}
                </a>
                <a
                  href={`${routes.adminAuditExport}?format=csv`}
                  className="rounded border border-line px-3 py-2 font-semibold text-link underline"
                  download
                >
                  {t.audit.exportCsv}
                </a>
              </div>
            </Card>
          </div>
          <ErrorSummary title={t.common.errorSummaryTitle} problems={problems} />
          <form
            method="get"
            noValidate
            action={routes.adminAudit}
            className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3"
          >
            <InputField
              id={FIELD_IDS.organization}
              name="organization"
              label={t.audit.filterOrganisation}
              hint={t.audit.filterOrganisationHint}
              error={errors.organization}
              defaultValue={filters.organization ?? ""}
            />
            {filters.organizationId ? (
              <input type="hidden" name="organizationId" value={filters.organizationId} />
            ) : null}
            <InputField
              id={FIELD_IDS.actorEmail}
              name="actorEmail"
              type="email"
              label={t.audit.filterActor}
              error={errors.actorEmail}
              defaultValue={filters.actorEmail ?? ""}
            />
            <AuditActionField
              id={FIELD_IDS.action}
              error={errors.action}
              defaultValue={errors.action ? "" : (filters.action ?? "")}
            />
            <InputField
              id={FIELD_IDS.from}
              name="from"
              type="date"
              label={t.audit.filterFrom}
              error={errors.from}
              defaultValue={filters.from ?? ""}
            />
            <InputField
              id={FIELD_IDS.to}
              name="to"
              type="date"
              label={t.audit.filterTo}
              error={errors.to}
              defaultValue={filters.to ?? ""}
            />
            <div className="flex items-end gap-3">
              <Button type="submit" variant="secondary">
                {t.common.filter}
              </Button>
              {filtered ? (
                <Link href={routes.adminAudit} className="py-2 text-link underline">
                  {t.common.clearFilters}
                </Link>
              ) : null}
            </div>
          </form>
          {page?.allowed ? (
            <>
              <AuditTable
                events={page.data.items}
                showOrganisation
                scope="platform"
                viewer={viewer}
              />
              <Pagination
                basePath={routes.adminAudit}
                params={filters}
                cursor={cursor}
                nextCursor={page.data.nextCursor}
              />
            </>
          ) : (
            <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
              {t.audit.filterErrors.notLoaded}
            </p>
          )}
        </div>
      )}
    </>
  );
}
