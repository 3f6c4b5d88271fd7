import type { Metadata } from "next";
import Link from "next/link";
import { Button, Card, PageHeader, Td, TextInput, Th } from "@tessera/ui";
import { DEFAULT_BILLING_TIME_ZONE, periodOf, shiftPeriod } from "@tessera/core";
import {
  countsTokens,
  formatBilledUnitHours,
  formatTokens,
  unitHoursOf,
} from "@tessera/core/words";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { billingRoutes } from "@/components/billing/paths";
import { Forbidden } from "@/components/forbidden";
import { formatMoney } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { t, tb, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadProgrammeForStatement } from "@/server/billing";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await loadProgrammeForStatement((await params).programmeId);
  return {
    title: programme.allowed ? tb.statement.title(programme.data.name) : tb.statement.metaTitle,
  };
}

interface Props {
  params: Promise<{ programmeId: string }>;
  searchParams: SearchParams;
}

export default async function ProgrammeStatementPage({ params, searchParams }: Props) {
  const { programmeId } = await params;
  // The last month that is over: its invoices are the newest the statement can hold.
  const month =
    param((await searchParams).month) ??
    shiftPeriod(periodOf(new Date(), DEFAULT_BILLING_TIME_ZONE), -1);
  const [programme, statement] = await Promise.all([
    loadProgrammeForStatement(programmeId),
    loadIfAllowed((api) => api.billing.programmeStatement({ programmeId, month })),
  ]);
  const s = tb.statement;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: tp.admin.title, href: programmeRoutes.adminProgrammes },
  ];
  if (!programme.allowed || !statement.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={s.metaTitle} />
        <Forbidden
          invalid={!statement.allowed ? statement.invalid : null}
          resetHref={billingRoutes.statement(programmeId)}
        />
      </>
    );
  }
  const data = statement.data;
  const money = (minor: number) => formatMoney(minor, data.currency);
  const valid = /^\d{4}-\d{2}$/.test(month);
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          { label: programme.data.name, href: programmeRoutes.adminProgramme(programmeId) },
          { label: s.metaTitle },
        ]}
      />
      <PageHeader
        title={s.title(programme.data.name)}
        description={
          <>
            {s.lead}{" "}
            <Link
              href={programmeRoutes.adminProgramme(programmeId)}
              className="text-link underline"
            >
              {s.dashboardNote}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <div className="flex flex-wrap items-end gap-4">
          <form
            method="get"
            action={billingRoutes.statement(programmeId)}
            className="flex flex-wrap items-end gap-3"
          >
            <div className="space-y-1">
              <label htmlFor="statement-month" className="block font-semibold">
                {s.month}
              </label>
              <TextInput
                id="statement-month"
                name="month"
                type="month"
                defaultValue={month}
                className="w-44"
              />
            </div>
            <Button type="submit" variant="secondary">
              {s.show}
            </Button>
          </form>
          {valid ? (
            <nav aria-label={s.month} className="flex gap-4 text-sm">
              <Link
                href={billingRoutes.statement(programmeId, shiftPeriod(month, -1))}
                className="text-link underline"
              >
                {s.previous}
              </Link>
              <Link
                href={billingRoutes.statement(programmeId, shiftPeriod(month, 1))}
                className="text-link underline"
              >
                {s.next}
              </Link>
            </nav>
          ) : null}
        </div>
        {data.lines.length === 0 ? (
          <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
            {s.empty(month)}
          </p>
        ) : (
          <>
            <Card title={s.byOrganisation} className="min-w-0">
              <ScrollTable caption={s.byOrganisationCaption(month)} stickyFirstColumn>
                <thead>
                  <tr>
                    <Th>{s.organisation}</Th>
                    <Th className="text-right">{s.list}</Th>
                    <Th className="text-right">{s.programmeOwes}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.organizations.map((organisation) => (
                    <tr
                      key={organisation.organizationId}
                      data-testid={`statement-org-${organisation.organizationId}`}
                    >
                      <Td className="font-semibold">{organisation.organizationName}</Td>
                      <Td className="text-right tabular-nums">{money(organisation.listMinor)}</Td>
                      <Td className="text-right tabular-nums">
                        {money(organisation.programmeMinor)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <Th>{s.total}</Th>
                    <Td className="text-right font-semibold tabular-nums">
                      {money(data.listMinor)}
                    </Td>
                    <Td className="text-right font-semibold tabular-nums">
                      <span data-testid="statement-total">{money(data.programmeMinor)}</span>
                    </Td>
                  </tr>
                </tfoot>
              </ScrollTable>
            </Card>
            <Card title={s.linesTitle} className="min-w-0">
              <ScrollTable caption={s.linesCaption(month)} stickyFirstColumn>
                <thead>
                  <tr>
                    <Th>{s.organisation}</Th>
                    <Th>{s.invoice}</Th>
                    <Th>{s.resourceClass}</Th>
                    <Th>{s.usageMonth}</Th>
                    <Th className="text-right">{s.quantity}</Th>
                    <Th className="text-right">{s.list}</Th>
                    <Th className="text-right">{s.programmeOwes}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.lines.map((line) => (
                    <tr key={`${line.invoiceNumber}-${line.position}`}>
                      <Td>{line.organizationName}</Td>
                      <Td className="whitespace-nowrap font-mono">
                        {line.invoiceNumber}
                        {line.kind === "CREDIT_NOTE" ? ` (${tb.kind.CREDIT_NOTE})` : ""}
                      </Td>
                      <Td>
                        {line.resourceClassName}
                        <span className="block font-mono text-xs text-fg-muted">
                          {line.resourceClassCode}
                        </span>
                      </Td>
                      <Td className="font-mono">{line.usagePeriod}</Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {countsTokens(line.resourceKind)
                          ? formatTokens(line.tokens)
                          : // As the invoice line writes it: exact, a credit's sign kept.
                            formatBilledUnitHours(unitHoursOf(BigInt(line.unitSeconds)), {
                              kind: line.resourceKind,
                              unit: line.unit,
                            })}
                      </Td>
                      <Td className="text-right tabular-nums">{money(line.listMinor)}</Td>
                      <Td className="text-right tabular-nums">{money(line.programmeMinor)}</Td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
