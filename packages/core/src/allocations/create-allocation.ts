import type { Prisma } from "@tessera/db";
import { pricedUnitsToLedger, type MeteredKind } from "../catalogue/metering-unit";
import type { PricedLines } from "../programmes/pricing";

/**
 * Writes the award of an approved application: one line per granted resource class, quota in the
 * class's ledger units (unit-seconds; tokens for a token tier). Runs inside the approval's
 * transaction.
 */
export async function createAllocation(
  tx: Pick<Prisma.TransactionClient, "allocation">,
  input: {
    organizationId: string;
    programmeId: string;
    requestId: string;
    currency: string;
    validFrom: Date;
    validTo: Date;
    /** When it was awarded; now by default. */
    createdAt?: Date;
    priced: PricedLines;
    /** What each granted class counts in, by resource class id. */
    kinds: ReadonlyMap<string, MeteredKind>;
  },
) {
  const lines = input.priced.lines.filter((line) => line.unitHours > 0);
  const kindOf = (resourceClassId: string): MeteredKind => {
    const kind = input.kinds.get(resourceClassId);
    if (!kind) throw new Error(`No kind for resource class ${resourceClassId}`);
    return kind;
  };
  return tx.allocation.create({
    data: {
      organizationId: input.organizationId,
      programmeId: input.programmeId,
      requestId: input.requestId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      currency: input.currency,
      subsidyRateBps: input.priced.subsidyRateBps,
      listValueMinor: input.priced.totals.listValueMinor,
      programmeShareMinor: input.priced.totals.programmeShareMinor,
      tenantShareMinor: input.priced.totals.tenantShareMinor,
      lines: {
        create: lines.map((line) => ({
          resourceClassId: line.resourceClassId,
          grantedUnitSeconds: pricedUnitsToLedger(line.unitHours, kindOf(line.resourceClassId)),
          listPriceMinorPerHour: line.listPriceMinorPerHour,
        })),
      },
    },
    include: { lines: true },
  });
}
