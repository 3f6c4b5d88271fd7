import type { Database, Prisma, StateAidEntryKind } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, toPage, type PageInput } from "../pagination";
import { toSafeNumber } from "../programmes/money";
import { dateToDay, dayToDate, parseDay } from "./undertaking";

export interface StateAidLedgerFilter {
  kind?: StateAidEntryKind | null;
  /** One organisation's rows, or every organisation's of one group. */
  organizationId?: string | null;
  groupId?: string | null;
  /** Granted on or after / on or before these days ("YYYY-MM-DD"). */
  from?: string | null;
  to?: string | null;
}

export interface StateAidLedgerEntry {
  id: string;
  kind: StateAidEntryKind;
  organization: { id: string; name: string; country: string; registryId: string };
  group: { id: string; name: string; registryId: string } | null;
  programme: { id: string; name: string } | null;
  requestId: string;
  allocationId: string | null;
  grantor: string;
  legalBasis: string;
  grantedOn: string;
  grossGrantEquivalentMinor: number;
  currency: string;
  ceilingMinor: number | null;
  windowTotalMinor: number | null;
  bookedAt: Date;
}

const ENTRY_INCLUDE = {
  organization: { select: { id: true, name: true, country: true, registryId: true } },
  undertakingGroup: { select: { id: true, name: true, registryId: true } },
  programme: { select: { id: true, name: true } },
} as const satisfies Prisma.StateAidAwardInclude;

type EntryRow = Prisma.StateAidAwardGetPayload<{ include: typeof ENTRY_INCLUDE }>;

function toEntry(row: EntryRow): StateAidLedgerEntry {
  return {
    id: row.id,
    kind: row.kind,
    organization: row.organization,
    group: row.undertakingGroup,
    programme: row.programme,
    requestId: row.requestId,
    allocationId: row.allocationId,
    grantor: row.grantor,
    legalBasis: row.legalBasis,
    grantedOn: dateToDay(row.grantedOn),
    grossGrantEquivalentMinor: toSafeNumber(row.grossGrantEquivalentMinor),
    currency: row.currency,
    ceilingMinor: row.ceilingMinor === null ? null : toSafeNumber(row.ceilingMinor),
    windowTotalMinor: row.windowTotalMinor === null ? null : toSafeNumber(row.windowTotalMinor),
    bookedAt: row.bookedAt,
  };
}

const badDay = (label: string) =>
  new AppError("INVALID", `${label} is not a date; use the form YYYY-MM-DD.`);

function ledgerWhere(filter: StateAidLedgerFilter): Prisma.StateAidAwardWhereInput {
  const from = filter.from ? parseDay(filter.from) : null;
  const to = filter.to ? parseDay(filter.to) : null;
  if (filter.from && !from) throw badDay("The first day");
  if (filter.to && !to) throw badDay("The last day");
  if (from && to && to < from) {
    throw new AppError("INVALID", "The last day must not be before the first day.");
  }
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.groupId ? { organization: { stateAidGroupId: filter.groupId } } : {}),
    ...(from || to
      ? {
          grantedOn: {
            ...(from ? { gte: dayToDate(from) } : {}),
            ...(to ? { lte: dayToDate(to) } : {}),
          },
        }
      : {}),
  };
}

function encodeCursor(row: { grantedOn: Date; id: string }): string {
  return Buffer.from(`${dateToDay(row.grantedOn)}:${row.id}`, "utf8").toString("base64url");
}

function afterCursor(cursor: string | null | undefined): Prisma.StateAidAwardWhereInput {
  if (!cursor) return {};
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? Buffer.from(cursor, "base64url").toString("utf8")
    : "";
  const match = /^(\d{4}-\d{2}-\d{2}):([A-Za-z0-9_-]{1,64})$/.exec(text);
  const day = match ? parseDay(match[1]!) : null;
  if (!match || !day) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  const at = dayToDate(day);
  return { OR: [{ grantedOn: { lt: at } }, { grantedOn: at, id: { lt: match[2]! } }] };
}

/** The de minimis ledger, newest grant first, filtered; every row as it was booked. */
export async function listStateAidLedger(
  database: Database,
  input: StateAidLedgerFilter & PageInput,
) {
  const size = pageSize(input.limit);
  const rows = await database.stateAidAward.findMany({
    where: { AND: [ledgerWhere(input), afterCursor(input.cursor)] },
    orderBy: [{ grantedOn: "desc" }, { id: "desc" }],
    take: size + 1,
    include: ENTRY_INCLUDE,
  });
  const page = toPage(rows, size, encodeCursor);
  return { items: page.items.map(toEntry), nextCursor: page.nextCursor };
}

/**
 * Every ledger row matching the filter, oldest grant first, a page at a time: the export for the
 * national register (AWARD rows are the aid Tessera's programmes granted).
 */
export async function* exportStateAidLedger(
  database: Database,
  filter: StateAidLedgerFilter,
  batch = 500,
): AsyncGenerator<StateAidLedgerEntry[]> {
  const where = ledgerWhere(filter);
  let last: { grantedOn: Date; id: string } | null = null;
  for (;;) {
    const rows: EntryRow[] = await database.stateAidAward.findMany({
      where: last
        ? {
            AND: [
              where,
              {
                OR: [
                  { grantedOn: { gt: last.grantedOn } },
                  { grantedOn: last.grantedOn, id: { gt: last.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ grantedOn: "asc" }, { id: "asc" }],
      take: batch,
      include: ENTRY_INCLUDE,
    });
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    if (rows.length < batch) return;
    last = rows[rows.length - 1]!;
  }
}
