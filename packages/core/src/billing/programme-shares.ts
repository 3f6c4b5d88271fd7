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

/**
 * The programmes that pay a share of an invoice's (or the live draft's) lines: a line's share
 * goes to the programme of the award it drew on (its allocation). Lines with no programme share
 * are left out of the shares.
 */
export async function programmesOfLines(
  tenant: TenantAccess,
  lines: readonly { allocationId: string | null; programmeMinor: bigint }[],
): Promise<LineProgrammes> {
  const allocationIds = [
    ...new Set(lines.flatMap((line) => (line.allocationId ? [line.allocationId] : []))),
  ];
  if (allocationIds.length === 0) return { shares: [], nameOfAllocation: new Map() };
  const allocations = await tenant.db.allocation.findMany({
    where: { id: { in: allocationIds } },
    select: { id: true, programme: { select: { id: true, name: true } } },
  });
  const programmeOf = new Map(allocations.map((a) => [a.id, a.programme]));
  const shares = new Map<string, ProgrammeShare>();
  for (const line of lines) {
    const programme = line.allocationId ? programmeOf.get(line.allocationId) : undefined;
    if (!programme || line.programmeMinor === 0n) continue;
    const share = shares.get(programme.id) ?? { name: programme.name, programmeMinor: 0n };
    share.programmeMinor += line.programmeMinor;
    shares.set(programme.id, share);
  }
  return {
    shares: [...shares.values()].sort((a, b) =>
      abs(b.programmeMinor) === abs(a.programmeMinor)
        ? a.name.localeCompare(b.name)
        : abs(b.programmeMinor) > abs(a.programmeMinor)
          ? 1
          : -1,
    ),
    nameOfAllocation: new Map(allocations.map((a) => [a.id, a.programme.name])),
  };
}

/**
 * The programmes that pay a share of an invoice's lines, by name, with what each pays, largest
 * first (programmesOfLines).
 */
export async function programmeSharesOf(
  tenant: TenantAccess,
  lines: readonly { allocationId: string | null; programmeMinor: bigint }[],
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
