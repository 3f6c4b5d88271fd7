import { Td, Th } from "@tessera/ui";
import { formatUnitHours, unitSecondsToHours } from "@/components/programmes/format";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { UsageBar } from "@/components/programmes/usage-bar";
import { tb } from "@/i18n";
import { energyWithBasis } from "./format";
import type { UsageSummary } from "./types";

/**
 * Unit-hours by month and resource class as horizontal bars (the shared SVG bar, which needs no
 * inline styles), each with its figure in words beside it; the same figures are in the table
 * behind the chart. Bars of one class share a scale, so months compare at a glance.
 */
export function UsageChart({ usage }: { usage: UsageSummary }) {
  const u = tb.usage;
  const peakOf = new Map<string, number>();
  for (const cell of usage.byMonth) {
    peakOf.set(
      cell.resourceClassId,
      Math.max(peakOf.get(cell.resourceClassId) ?? 0, cell.unitSeconds),
    );
  }
  const cellOf = (period: string, classId: string) =>
    usage.byMonth.find((cell) => cell.period === period && cell.resourceClassId === classId);
  return (
    <div className="space-y-4">
      <figure className="space-y-4">
        <figcaption className="font-semibold">{u.chartTitle}</figcaption>
        <ul className="space-y-4" aria-label={u.chartTitle}>
          {usage.months.map((period) => (
            <li key={period} data-testid={`usage-month-${period}`}>
              <p className="font-mono text-sm font-semibold">{period}</p>
              <ul className="mt-1 space-y-2">
                {usage.resourceClasses.map((resourceClass) => {
                  const seconds = cellOf(period, resourceClass.id)?.unitSeconds ?? 0;
                  const hours = seconds
                    ? formatUnitHours(unitSecondsToHours(seconds), resourceClass.unit)
                    : u.nothing;
                  const label = u.chartLabel(period, resourceClass.name, hours);
                  return (
                    <li key={resourceClass.id}>
                      <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                        <span>{resourceClass.name}</span>
                        <span className="tabular-nums text-fg-muted">{hours}</span>
                      </p>
                      <UsageBar
                        label={label}
                        whole={peakOf.get(resourceClass.id) ?? 0}
                        parts={[{ value: seconds, tone: "accent" }]}
                      />
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </figure>
      <details>
        <summary className="cursor-pointer text-sm font-semibold">{u.asTable}</summary>
        <ScrollTable caption={u.tableCaption} className="mt-2">
          <thead>
            <tr>
              <Th>{u.month}</Th>
              <Th>{u.resourceClass}</Th>
              <Th className="text-right">{u.quantity}</Th>
              <Th>{u.energy}</Th>
            </tr>
          </thead>
          <tbody>
            {usage.byMonth.map((cell) => {
              const resourceClass = usage.resourceClasses.find(
                (c) => c.id === cell.resourceClassId,
              );
              return (
                <tr key={`${cell.period}-${cell.resourceClassId}`}>
                  <Td className="font-mono">{cell.period}</Td>
                  <Td>{resourceClass?.name ?? cell.resourceClassId}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {formatUnitHours(
                      unitSecondsToHours(cell.unitSeconds),
                      resourceClass?.unit ?? "unit",
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {energyWithBasis(cell.energyMilliWh, cell.energyMeasured)}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      </details>
    </div>
  );
}
