import type { Metadata } from "next";
import Link from "next/link";
import { Button, Card, PageHeader, Select, TextInput } from "@tessera/ui";
import { AUDIT_ACTIONS, type AuditAction } from "@tessera/core";
import { AuditTable } from "@/components/audit-table";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { VerifyChain } from "@/components/forms/verify-chain";
import { Pagination } from "@/components/pagination";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadViewer } from "@/server/viewer";

export const metadata: Metadata = { title: t.audit.allTitle };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd filter value as the first (or, for `to`, the last) millisecond of that UTC day. */
function day(value: string | undefined, edge: "start" | "end"): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const date = new Date(`${value}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const filters = {
    organization: param(query.organization),
    // Kept for links from an organisation's pages; the form filters by name.
    organizationId: param(query.organizationId),
    actorEmail: param(query.actorEmail),
    action: (AUDIT_ACTIONS as readonly string[]).includes(param(query.action) ?? "")
      ? (param(query.action) as AuditAction)
      : undefined,
    from: param(query.from),
    to: param(query.to),
  };
  const cursor = param(query.cursor);
  const page = await loadIfAllowed((api) =>
    api.admin.audit.list({
      organization: filters.organization,
      organizationId: filters.organizationId,
      actorEmail: filters.actorEmail,
      action: filters.action,
      from: day(filters.from, "start"),
      to: day(filters.to, "end"),
      cursor,
      limit: 25,
    }),
  );
  const filtered = Object.values(filters).some(Boolean);
  const viewer = await loadViewer();

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: t.audit.allTitle }]}
      />
      <PageHeader title={t.audit.allTitle} description={t.audit.allLead} />
      {!page.allowed ? (
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
          <form
            method="get"
            action={routes.adminAudit}
            className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3"
          >
            <div className="space-y-1">
              <label htmlFor="filter-organisation" className="block font-semibold">
                {t.audit.filterOrganisation}
              </label>
              <TextInput
                id="filter-organisation"
                name="organization"
                aria-describedby="filter-organisation-hint"
                defaultValue={filters.organization ?? ""}
              />
              <p id="filter-organisation-hint" className="text-sm text-fg-muted">
                {t.audit.filterOrganisationHint}
              </p>
              {filters.organizationId ? (
                <input type="hidden" name="organizationId" value={filters.organizationId} />
              ) : null}
            </div>
            <div className="space-y-1">
              <label htmlFor="filter-actor" className="block font-semibold">
                {t.audit.filterActor}
              </label>
              <TextInput
                id="filter-actor"
                name="actorEmail"
                type="email"
                defaultValue={filters.actorEmail ?? ""}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="filter-action" className="block font-semibold">
                {t.audit.filterAction}
              </label>
              <Select id="filter-action" name="action" defaultValue={filters.action ?? ""}>
                <option value="">{t.audit.filterAllActions}</option>
                {AUDIT_ACTIONS.map((value) => (
                  <option key={value} value={value}>
                    {t.auditActions[value] ?? value}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1">
              <label htmlFor="filter-from" className="block font-semibold">
                {t.audit.filterFrom}
              </label>
              <TextInput
                id="filter-from"
                name="from"
                type="date"
                defaultValue={filters.from ?? ""}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="filter-to" className="block font-semibold">
                {t.audit.filterTo}
              </label>
              <TextInput id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
            </div>
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
          <AuditTable events={page.data.items} showOrganisation scope="platform" viewer={viewer} />
          <Pagination
            basePath={routes.adminAudit}
            params={filters}
            cursor={cursor}
            nextCursor={page.data.nextCursor}
          />
        </div>
      )}
    </>
  );
}
