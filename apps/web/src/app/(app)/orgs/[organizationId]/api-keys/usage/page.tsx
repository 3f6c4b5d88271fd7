import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, Card, EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { GatewayPayment } from "@/components/api-keys/gateway-payment";
import { describeModelEnergy, isEnergyEstimate } from "@/components/api-keys/model-energy";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { UsageBar } from "@/components/programmes/usage-bar";
import { formatDate, formatDateTime, t, tk } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tk.usage.metaTitle };

const DAYS = 14;
const count = (value: number) => value.toLocaleString("en-GB");
/** What each row is: a row header, set like the table's cells. */
const ROW_HEADER = "border-b border-line px-4 py-3 text-left align-top font-normal text-fg";
const NUMBER = "text-right tabular-nums whitespace-nowrap";
/** A UTC day of the usage ("2026-11-23"), written as the portal writes dates: "23 Nov 2026". */
const formatDay = (day: string) => formatDate(new Date(`${day}T00:00:00Z`));

interface Props {
  params: Promise<{ organizationId: string }>;
}

export default async function GatewayUsagePage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const usage = await load((api) => api.apiKeys.usage({ organizationId, days: DAYS }));
  const u = tk.usage;
  const byDay = new Map(usage.byDay.map((cell) => [cell.day, cell]));
  const peak = Math.max(0, ...usage.byDay.map((cell) => cell.tokensIn + cell.tokensOut));
  const anyUnstreamed = usage.byModel.some((cell) => cell.streamedRequests < cell.requests);
  const sharedAverageShown = usage.byModel.some(
    (cell) => cell.shared && cell.energyPerThousandTokensMilliWh !== null,
  );
  const estimateShown = usage.byModel.some(isEnergyEstimate);
  const ownEnergyShown = usage.byModel.some(
    (cell) => !cell.shared && cell.energyPerThousandTokensMilliWh !== null,
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: tk.title, href: routes.apiKeys(organizationId) },
          { label: u.title },
        ]}
      />
      <PageHeader title={u.title} description={u.lead(DAYS)} />
      {usage.byDay.length === 0 ? (
        <EmptyState
          title={u.emptyTitle}
          action={
            <Link href={routes.apiKeys(organizationId)} className={buttonClassName("secondary")}>
              {u.emptyAction}
            </Link>
          }
        >
          <p>{u.emptyBody}</p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <GatewayPayment
            organizationId={organizationId}
            payment={usage.payment}
            from={new Date(`${usage.days[0]}T00:00:00Z`)}
          />
          <Card title={u.chartTitle} className="min-w-0">
            <ul className="space-y-2" aria-label={u.chartTitle}>
              {usage.days.map((day) => {
                const cell = byDay.get(day);
                const tokens = cell ? cell.tokensIn + cell.tokensOut : 0;
                const label = u.chartLabel(
                  formatDay(day),
                  count(tokens),
                  count(cell?.requests ?? 0),
                );
                return (
                  <li key={day} className="grid grid-cols-[6.5rem_1fr] items-center gap-3">
                    <time dateTime={day} className="text-xs tabular-nums">
                      {formatDay(day)}
                    </time>
                    <span className="space-y-1">
                      <span className="block text-right text-xs tabular-nums text-fg-muted">
                        {count(tokens)}
                      </span>
                      <UsageBar
                        label={label}
                        whole={peak}
                        parts={[{ value: tokens, tone: "accent" }]}
                      />
                    </span>
                  </li>
                );
              })}
            </ul>
            <ScrollTable caption={u.byDayCaption} className="mt-4">
              <thead>
                <tr>
                  <Th>{u.col.day}</Th>
                  <Th className="text-right">{u.col.requests}</Th>
                  <Th className="text-right">{u.col.tokensIn}</Th>
                  <Th className="text-right">{u.col.tokensOut}</Th>
                </tr>
              </thead>
              <tbody>
                {usage.byDay.map((cell) => (
                  <tr key={cell.day} data-testid={`gateway-day-${cell.day}`}>
                    <th scope="row" className={`${ROW_HEADER} whitespace-nowrap`}>
                      <time dateTime={cell.day}>{formatDay(cell.day)}</time>
                    </th>
                    <Td className={NUMBER}>{count(cell.requests)}</Td>
                    <Td className={NUMBER}>{count(cell.tokensIn)}</Td>
                    <Td className={NUMBER}>{count(cell.tokensOut)}</Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </Card>
          <Card title={u.byKeyTitle} className="min-w-0">
            <ScrollTable caption={u.byKeyCaption} stickyFirstColumn>
              <thead>
                <tr>
                  <Th>{u.col.key}</Th>
                  <Th className="text-right">{u.col.requests}</Th>
                  <Th className="text-right">{u.col.tokensIn}</Th>
                  <Th className="text-right">{u.col.tokensOut}</Th>
                  <Th>{u.col.lastUsed}</Th>
                </tr>
              </thead>
              <tbody>
                {usage.byKey.map((cell) => (
                  <tr key={cell.apiKeyId} data-testid={`gateway-key-${cell.apiKeyId}`}>
                    <th scope="row" className={ROW_HEADER}>
                      {cell.name ?? u.removedKey}{" "}
                      <span className="font-mono text-xs text-fg-muted">tsk_{cell.apiKeyId}_…</span>
                    </th>
                    <Td className={NUMBER}>{count(cell.requests)}</Td>
                    <Td className={NUMBER}>{count(cell.tokensIn)}</Td>
                    <Td className={NUMBER}>{count(cell.tokensOut)}</Td>
                    <Td className="whitespace-nowrap">
                      <time dateTime={cell.lastAt.toISOString()}>
                        {formatDateTime(cell.lastAt)}
                      </time>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </Card>
          <Card title={u.byModelTitle} className="min-w-0">
            <ScrollTable caption={u.byModelCaption} stickyFirstColumn>
              <thead>
                <tr>
                  <Th>{u.col.model}</Th>
                  <Th className="text-right">{u.col.requests}</Th>
                  <Th className="text-right">{u.col.tokensIn}</Th>
                  <Th className="text-right">{u.col.tokensOut}</Th>
                  <Th className="text-right">{u.col.latency}</Th>
                  <Th className="text-right">{u.col.ttft}</Th>
                  <Th>{u.col.energy}</Th>
                </tr>
              </thead>
              <tbody>
                {usage.byModel.map((cell) => {
                  const energy = describeModelEnergy(cell, u);
                  return (
                    <tr key={`${cell.model} ${cell.shared}`} data-testid="gateway-model">
                      <th scope="row" className={ROW_HEADER}>
                        <span className="font-mono">{cell.model}</span>
                        {cell.shared ? (
                          <span className="block text-xs text-fg-muted">{u.sharedModel}</span>
                        ) : null}
                      </th>
                      <Td className={NUMBER}>{count(cell.requests)}</Td>
                      <Td className={NUMBER}>{count(cell.tokensIn)}</Td>
                      <Td className={NUMBER}>{count(cell.tokensOut)}</Td>
                      <Td className={NUMBER}>
                        {cell.medianLatencyMs === null ? "—" : u.ms(cell.medianLatencyMs)}
                      </Td>
                      <Td className={NUMBER}>
                        {cell.medianTimeToFirstTokenMs === null ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="block text-xs text-fg-muted">{u.noneStreamed}</span>
                          </>
                        ) : (
                          <>
                            {u.ms(cell.medianTimeToFirstTokenMs)}
                            {cell.streamedRequests < cell.requests ? (
                              <span className="block text-xs text-fg-muted">
                                {u.streamedOf(count(cell.streamedRequests), count(cell.requests))}
                              </span>
                            ) : null}
                          </>
                        )}
                      </Td>
                      <Td>
                        <span className="whitespace-nowrap">{energy.figure}</span>
                        <span className="block text-xs text-fg-muted">{energy.note}</span>
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
            {anyUnstreamed ? (
              <p className="mt-3 max-w-prose text-sm text-fg-muted">{u.ttftExplained}</p>
            ) : null}
            {estimateShown || sharedAverageShown || ownEnergyShown ? (
              <p className="mt-3 max-w-prose text-sm text-fg-muted" data-testid="energy-explained">
                {[
                  estimateShown ? u.approximateExplained : null,
                  ownEnergyShown ? u.ownEnergyExplained : null,
                  sharedAverageShown ? u.sharedAverageExplained : null,
                ]
                  .filter((part) => part !== null)
                  .join(" ")}
              </p>
            ) : null}
          </Card>
        </div>
      )}
    </>
  );
}
