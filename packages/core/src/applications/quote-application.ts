import type { Database, ResourceKind } from "@tessera/db";
import { notFound } from "../errors";
import { priceLines, type PricedLine, type PriceTotals } from "../programmes/pricing";
import { priceRequestedLines, type RequestedLineInput } from "./prepare-application";

export interface Quote {
  programmeId: string;
  currency: string;
  subsidyRateBps: number;
  lines: (PricedLine & {
    resourceClass: { id: string; code: string; name: string; kind: ResourceKind; unit: string };
  })[];
  totals: PriceTotals;
}

/**
 * What requested lines would cost at today's list prices under a programme: list value, the
 * programme's share and the organisation's share, per line and in total. Reads only public
 * catalogue and programme data, so the application form can call it as the user types.
 */
export async function quoteApplication(
  database: Database,
  input: { programmeId: string; lines: RequestedLineInput[] },
): Promise<Quote> {
  const programme = await database.programme.findUnique({ where: { id: input.programmeId } });
  if (!programme) throw notFound("Programme");
  const lines = await priceRequestedLines(database, input.lines, programme.currency);
  const classes = await database.resourceClass.findMany({
    where: { id: { in: lines.map((line) => line.resourceClassId) } },
    select: { id: true, code: true, name: true, kind: true, unit: true },
  });
  const byId = new Map(classes.map((rc) => [rc.id, rc]));
  const priced = priceLines(lines, programme.subsidyRateBps);
  return {
    programmeId: programme.id,
    currency: programme.currency,
    subsidyRateBps: programme.subsidyRateBps,
    lines: priced.lines.map((line) => ({
      ...line,
      resourceClass: byId.get(line.resourceClassId)!,
    })),
    totals: priced.totals,
  };
}
