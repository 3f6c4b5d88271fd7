import type { ReactNode } from "react";
import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { tb } from "@/i18n";
import { usageEnergy, usageQuantity } from "./format";
import type { UsageCell, UsageSummary } from "./types";

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
