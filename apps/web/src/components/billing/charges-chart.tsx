import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatMoney } from "@/components/programmes/format";
import { ToneSwatch, UsageBar } from "@/components/programmes/usage-bar";
import { tb } from "@/i18n";
import {
  mergeShares,
  moneyScale,
  monthName,
  monthSpan,
  runsOfCharges,
  type MonthCharges,
} from "./charges-by-month";
import type { UsageSummary } from "./types";
import { UsageTable } from "./usage-table";

/**
 * What each month cost, across every resource class on one shared, labelled scale: a bar of the
 * list value split into the programme's part and the tenant's, with the amounts in words beside it
 * (so colour never carries a figure alone). The programmes that pay are named, as the invoices
 * name them: in the key, in each month's words and in the table. Months without usage fold into
 * one line. Behind the chart: the same amounts as a table, and the quantities, each in its own
 * class's unit.
 */
export function ChargesChart({
  charges,
  currency,
  usage,
}: {
  charges: readonly MonthCharges[];
  currency: string;
  usage: UsageSummary;
}) {
  const u = tb.usage;
  const o = tb.overview;
  const money = (minor: number) => formatMoney(minor, currency);
  const ticks = moneyScale(Math.max(...charges.map((month) => month.listMinor)));
  const top = ticks.at(-1)!;
  const runs = runsOfCharges(charges, new Set(usage.byMonth.map((cell) => cell.period)));
  const namesOf = (shares: MonthCharges["programmeShares"]) => shares.map((share) => share.name);
  // Every programme paying in the months shown, largest first: one key names them all.
  const programmes = namesOf(mergeShares(charges.map((month) => month.programmeShares)));
  const figures = (month: MonthCharges) =>
    u.monthFigures(
      money(month.listMinor),
      money(month.programmeMinor),
      namesOf(month.programmeShares),
      money(month.tenantNetMinor),
    ) + (month.vatMinor === 0 ? "" : u.plusVat(money(month.vatMinor)));
  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">{u.chartLead(money(0), money(top))}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-hidden="true">
        <li className="flex items-center gap-2">
          <ToneSwatch tone="success" />
          {u.programmeKey(programmes)}
        </li>
        <li className="flex items-center gap-2">
          <ToneSwatch tone="accent" />
          {u.tenantKey}
        </li>
      </ul>
      <ul className="space-y-4" aria-label={u.chartTitle}>
        {runs.map((run) => {
          if (run.kind !== "month") {
            const span = monthSpan(run.from, run.to);
            return (
              <li key={run.from} className="text-sm text-fg-muted" data-testid="usage-no-charges">
                {run.kind === "empty" ? u.noUsage(span) : u.notInvoiced(span)}
              </li>
            );
          }
          const { month } = run;
          const name = monthName(month.period);
          return (
            <li key={month.period} data-testid={`usage-month-${month.period}`}>
              <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                <span className="font-semibold">
                  {name}{" "}
                  <span className="font-normal text-fg-muted">
                    ({month.source === "soFar" ? u.soFar : u.invoiced})
                  </span>
                </span>
                <span className="tabular-nums">{figures(month)}</span>
              </p>
              <UsageBar
                label={u.barLabel(name, figures(month))}
                whole={top}
                parts={[
                  { value: month.programmeMinor, tone: "success" },
                  { value: month.tenantNetMinor, tone: "accent" },
                ]}
              />
            </li>
          );
        })}
      </ul>
      <div aria-hidden="true" className="flex justify-between text-xs tabular-nums text-fg-muted">
        {ticks.map((tick) => (
          <span key={tick}>{money(tick)}</span>
        ))}
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-semibold">{u.asTable}</summary>
        <div className="mt-2 space-y-4">
          <ScrollTable caption={u.moneyCaption}>
            <thead>
              <tr>
                <Th>{u.month}</Th>
                <Th className="text-right">{o.total}</Th>
                <Th className="text-right">{u.programmeKey(programmes)}</Th>
                <Th className="text-right">{o.youPay}</Th>
              </tr>
            </thead>
            <tbody>
              {charges.map((month) => (
                <tr key={month.period}>
                  <Td className="whitespace-nowrap">
                    {monthName(month.period)}
                    {month.source === "soFar" ? ` (${u.soFar})` : ""}
                  </Td>
                  {month.invoiced || month.source === "soFar" ? (
                    [month.listMinor, month.programmeMinor, month.tenantTotalMinor].map(
                      (minor, index) => (
                        <Td key={index} className="whitespace-nowrap text-right tabular-nums">
                          {money(minor)}
                          {index === 1 &&
                          programmes.length > 1 &&
                          month.programmeShares.length > 0 ? (
                            <span className="ml-auto block max-w-44 text-xs whitespace-normal text-fg-muted">
                              {u.monthPaidBy(namesOf(month.programmeShares))}
                            </span>
                          ) : null}
                        </Td>
                      ),
                    )
                  ) : (
                    <Td colSpan={3} className="text-right text-fg-muted">
                      {u.noInvoice}
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <UsageTable
            caption={u.tableCaption}
            firstHeader={u.month}
            classes={usage.resourceClasses}
            rows={usage.byMonth.map((cell) => ({
              ...cell,
              key: `${cell.period}-${cell.resourceClassId}`,
              first: monthName(cell.period),
            }))}
          />
        </div>
      </details>
    </div>
  );
}
