import type { Prisma } from "@tessera/db";
import { SECONDS_PER_HOUR, type PricedLines } from "../programmes/pricing";

/**
 * Writes the award of an approved application: one line per granted resource class, quota in
 * unit-seconds. Runs inside the approval's transaction.
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
    priced: PricedLines;
  },
) {
  const lines = input.priced.lines.filter((line) => line.unitHours > 0);
  return tx.allocation.create({
    data: {
      organizationId: input.organizationId,
      programmeId: input.programmeId,
      requestId: input.requestId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      currency: input.currency,
      subsidyRateBps: input.priced.subsidyRateBps,
      listValueMinor: input.priced.totals.listValueMinor,
      programmeShareMinor: input.priced.totals.programmeShareMinor,
      tenantShareMinor: input.priced.totals.tenantShareMinor,
      lines: {
        create: lines.map((line) => ({
          resourceClassId: line.resourceClassId,
          grantedUnitSeconds: BigInt(line.unitHours) * BigInt(SECONDS_PER_HOUR),
          listPriceMinorPerHour: line.listPriceMinorPerHour,
        })),
      },
    },
    include: { lines: true },
  });
}
