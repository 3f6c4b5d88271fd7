import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, Card, EmptyState, PageHeader } from "@tessera/ui";
import { formatEnergy } from "@tessera/core/format-energy";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { UsageBar } from "@/components/programmes/usage-bar";
import { t, tk } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tk.usage.metaTitle };

const DAYS = 14;
const count = (value: number) => value.toLocaleString("en-GB");

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
          <Card title={u.chartTitle} className="min-w-0">
            <ul className="space-y-2" aria-label={u.chartTitle}>
              {usage.days.map((day) => {
                const cell = byDay.get(day);
                const tokens = cell ? cell.tokensIn + cell.tokensOut : 0;
                const label = u.chartLabel(day, count(tokens), count(cell?.requests ?? 0));
                return (
                  <li key={day} className="grid grid-cols-[6.5rem_1fr] items-center gap-3">
                    <span className="font-mono text-xs">{day}</span>
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
            <div className="mt-4 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">{u.byDayCaption}</caption>
                <thead>
                  <tr className="text-left">
                    <th scope="col">{u.col.day}</th>
                    <th scope="col" className="text-right">
                      {u.col.requests}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.tokensIn}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.tokensOut}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {usage.byDay.map((cell) => (
                    <tr key={cell.day} data-testid={`gateway-day-${cell.day}`}>
                      <th scope="row" className="font-mono font-normal">
                        {cell.day}
                      </th>
                      <td className="text-right tabular-nums">{count(cell.requests)}</td>
                      <td className="text-right tabular-nums">{count(cell.tokensIn)}</td>
                      <td className="text-right tabular-nums">{count(cell.tokensOut)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <Card title={u.byKeyTitle} className="min-w-0">
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">{u.byKeyCaption}</caption>
                <thead>
                  <tr className="text-left">
                    <th scope="col">{u.col.key}</th>
                    <th scope="col" className="text-right">
                      {u.col.requests}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.tokensIn}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.tokensOut}
                    </th>
                    <th scope="col">{u.col.lastUsed}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.byKey.map((cell) => (
                    <tr key={cell.apiKeyId} data-testid={`gateway-key-${cell.apiKeyId}`}>
                      <th scope="row" className="font-normal">
                        {cell.name ?? u.removedKey}{" "}
                        <span className="font-mono text-xs text-fg-muted">
                          tsk_{cell.apiKeyId}_…
                        </span>
                      </th>
                      <td className="text-right tabular-nums">{count(cell.requests)}</td>
                      <td className="text-right tabular-nums">{count(cell.tokensIn)}</td>
                      <td className="text-right tabular-nums">{count(cell.tokensOut)}</td>
                      <td>
                        <time dateTime={cell.lastAt.toISOString()}>
                          {cell.lastAt.toLocaleString("en-GB", { timeZone: "UTC" })} UTC
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <Card title={u.byModelTitle} className="min-w-0">
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">{u.byModelCaption}</caption>
                <thead>
                  <tr className="text-left">
                    <th scope="col">{u.col.model}</th>
                    <th scope="col" className="text-right">
                      {u.col.requests}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.tokensIn}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.tokensOut}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.latency}
                    </th>
                    <th scope="col" className="text-right">
                      {u.col.ttft}
                    </th>
                    <th scope="col">{u.col.energy}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.byModel.map((cell) => (
                    <tr key={cell.model} data-testid="gateway-model">
                      <th scope="row" className="font-mono font-normal">
                        {cell.model}
                      </th>
                      <td className="text-right tabular-nums">{count(cell.requests)}</td>
                      <td className="text-right tabular-nums">{count(cell.tokensIn)}</td>
                      <td className="text-right tabular-nums">{count(cell.tokensOut)}</td>
                      <td className="text-right tabular-nums">
                        {cell.medianLatencyMs === null ? "—" : u.ms(cell.medianLatencyMs)}
                      </td>
                      <td className="text-right tabular-nums">
                        {cell.medianTimeToFirstTokenMs === null
                          ? "—"
                          : u.ms(cell.medianTimeToFirstTokenMs)}
                      </td>
                      <td>
                        {cell.energyPerThousandTokensMilliWh === null
                          ? u.notMetered
                          : `${formatEnergy(cell.energyPerThousandTokensMilliWh)} (${cell.energyMeasured ? u.measured : u.estimated})`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
