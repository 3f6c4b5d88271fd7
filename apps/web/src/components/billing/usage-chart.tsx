import type { ReactNode } from "react";
import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { UsageBar } from "@/components/programmes/usage-bar";
import { tb } from "@/i18n";
import { usageEnergy, usageQuantity } from "./format";
import type { UsageCell, UsageSummary } from "./types";

/**
 * Unit-hours by month and resource class as horizontal bars (the shared SVG bar, which needs no
 * inline styles), each with its figure in words beside it; the same figures are in the table
 * behind the chart. Bars of one class share a scale, so months compare at a glance.
 */
export function UsageChart({ usage }: { usage: UsageSummary }) {
  const u = tb.usage;
  const classOf = new Map(usage.resourceClasses.map((c) => [c.id, c]));
  const peakOf = new Map<string, number>();
  for (const cell of usage.byMonth) {
    const resourceClass = classOf.get(cell.resourceClassId);
    if (!resourceClass) continue;
    peakOf.set(
      cell.resourceClassId,
      Math.max(peakOf.get(cell.resourceClassId) ?? 0, usageQuantity(cell, resourceClass).value),
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
                  const cell = cellOf(period, resourceClass.id);
                  const quantity = cell
                    ? usageQuantity(cell, resourceClass)
                    : { value: 0, text: u.nothing };
                  const hours = quantity.value ? quantity.text : u.nothing;
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
                        parts={[{ value: quantity.value, tone: "accent" }]}
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
        <UsageTable
          caption={u.tableCaption}
          firstHeader={u.month}
          classes={usage.resourceClasses}
          className="mt-2"
          rows={usage.byMonth.map((cell) => ({
            ...cell,
            key: `${cell.period}-${cell.resourceClassId}`,
            first: <span className="font-mono">{cell.period}</span>,
          }))}
        />
      </details>
    </div>
  );
}

/**
 * Usage figures as a table: what each row is (a month, a project), the resource class, the
 * quantity in the class's unit-hours and the energy with its basis.
 */
export function UsageTable({
  caption,
  firstHeader,
  classes,
  rows,
  className,
}: {
  caption: string;
  firstHeader: string;
  classes: UsageSummary["resourceClasses"];
  rows: readonly (UsageCell & { key: string; first: ReactNode; resourceClassId: string })[];
  className?: string;
}) {
  const u = tb.usage;
  const classOf = new Map(classes.map((c) => [c.id, c]));
  return (
    <ScrollTable caption={caption} className={className}>
      <thead>
        <tr>
          <Th>{firstHeader}</Th>
          <Th>{u.resourceClass}</Th>
          <Th className="text-right">{u.quantity}</Th>
          <Th>{u.energy}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const resourceClass = classOf.get(row.resourceClassId);
          return (
            <tr key={row.key}>
              <Td>{row.first}</Td>
              <Td>{resourceClass?.name ?? row.resourceClassId}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {usageQuantity(row, resourceClass ?? { kind: "GPU", unit: "unit" }).text}
              </Td>
              <Td className="whitespace-nowrap">
                {usageEnergy(row, resourceClass?.kind ?? "GPU")}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
