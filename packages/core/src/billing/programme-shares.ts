import type { TenantAccess } from "../tenancy/tenant-access";

/** A subsidy programme and what it pays of one invoice (minor units; negative on a credit note). */
export interface ProgrammeShare {
  name: string;
  programmeMinor: bigint;
}

/** The programmes that pay lines' shares: what each pays in all, and which pays each award. */
export interface LineProgrammes {
  /** By name, with what each pays, largest first (programmeSharesOf). */
  shares: ProgrammeShare[];
  /** The name of the programme of each award (allocation) the lines drew on. */
  nameOfAllocation: Map<string, string>;
}

type Line = { allocationId: string | null; programmeMinor: bigint };
type ProgrammeOfAllocation = Map<string, { id: string; name: string }>;

/** The programme of each award (allocation) the lines drew on, in one query. */
async function programmesOfAllocations(
  tenant: TenantAccess,
  lines: readonly Line[],
): Promise<ProgrammeOfAllocation> {
  const allocationIds = [
    ...new Set(lines.flatMap((line) => (line.allocationId ? [line.allocationId] : []))),
  ];
  if (allocationIds.length === 0) return new Map();
  const allocations = await tenant.db.allocation.findMany({
    where: { id: { in: allocationIds } },
    select: { id: true, programme: { select: { id: true, name: true } } },
  });
  return new Map(allocations.map((a) => [a.id, a.programme]));
}

/** What each programme pays of the lines, largest first (by name when equal). */
function sharesOf(lines: readonly Line[], programmeOf: ProgrammeOfAllocation): ProgrammeShare[] {
  const shares = new Map<string, ProgrammeShare>();
  for (const line of lines) {
    const programme = line.allocationId ? programmeOf.get(line.allocationId) : undefined;
    if (!programme || line.programmeMinor === 0n) continue;
    const share = shares.get(programme.id) ?? { name: programme.name, programmeMinor: 0n };
    share.programmeMinor += line.programmeMinor;
    shares.set(programme.id, share);
  }
  return [...shares.values()].sort((a, b) =>
    abs(b.programmeMinor) === abs(a.programmeMinor)
      ? a.name.localeCompare(b.name)
      : abs(b.programmeMinor) > abs(a.programmeMinor)
        ? 1
        : -1,
  );
}

/**
 * The programmes that pay a share of an invoice's (or the live draft's) lines: a line's share
 * goes to the programme of the award it drew on (its allocation). Lines with no programme share
 * are left out of the shares.
 */
export async function programmesOfLines(
  tenant: TenantAccess,
  lines: readonly Line[],
): Promise<LineProgrammes> {
  const programmeOf = await programmesOfAllocations(tenant, lines);
  return {
    shares: sharesOf(lines, programmeOf),
    nameOfAllocation: new Map([...programmeOf].map(([id, programme]) => [id, programme.name])),
  };
}

/**
 * The programmes that pay a share of each of several invoices (a page of them), by invoice id,
 * as {@link programmeSharesOf} gives them for one, with one query for all.
 */
export async function programmeSharesByInvoice(
  tenant: TenantAccess,
  lines: readonly (Line & { invoiceId: string })[],
): Promise<Map<string, ProgrammeShare[]>> {
  const programmeOf = await programmesOfAllocations(tenant, lines);
  const linesOf = new Map<string, Line[]>();
  for (const line of lines) {
    const own = linesOf.get(line.invoiceId);
    if (own) own.push(line);
    else linesOf.set(line.invoiceId, [line]);
  }
  return new Map([...linesOf].map(([invoiceId, own]) => [invoiceId, sharesOf(own, programmeOf)]));
}

/**
 * The programmes that pay a share of an invoice's lines, by name, with what each pays, largest
 * first (programmesOfLines).
 */
export async function programmeSharesOf(
  tenant: TenantAccess,
  lines: readonly Line[],
): Promise<ProgrammeShare[]> {
  return (await programmesOfLines(tenant, lines)).shares;
}

/** The programme that pays a line's share, by name; null when the programme pays none of it. */
export function programmeNameOfLine(
  line: { allocationId: string | null; programmeMinor: bigint },
  nameOfAllocation: ReadonlyMap<string, string>,
): string | null {
  if (!line.allocationId || line.programmeMinor === 0n) return null;
  return nameOfAllocation.get(line.allocationId) ?? null;
}

const abs = (value: bigint) => (value < 0n ? -value : value);

/** "National AI Compute Programme 2026" or "A (€29.26) and B (€3.10)": who pays the share. */
export function programmePayersText(
  shares: readonly ProgrammeShare[],
  money: (minor: bigint) => string,
): string | null {
  if (shares.length === 0) return null;
  if (shares.length === 1) return shares[0]!.name;
  const parts = shares.map((share) => `${share.name} (${money(share.programmeMinor)})`);
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
