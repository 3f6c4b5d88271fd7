import { Prisma, type Database, type StateAidEntryKind } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, toPage, type PageInput } from "../pagination";
import { toSafeNumber } from "../programmes/money";
import {
  DECLARED_AID_IDENTITY_COLUMNS,
  declaredAidIdentity,
  undertakingOf,
} from "./declared-aid-identity";
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
  /**
   * DECLARED rows only: the earlier row of the same undertaking that declared the same aid
   * (declaredAidIdentity) — this row repeats it and counts in no total — or null when this row
   * is the one that counts.
   */
  repeats: {
    id: string;
    requestId: string;
    applicationTitle: string;
    programmeId: string;
  } | null;
}

type LedgerRow = Omit<StateAidLedgerEntry, "repeats">;

const ENTRY_INCLUDE = {
  organization: { select: { id: true, name: true, country: true, registryId: true } },
  undertakingGroup: { select: { id: true, name: true, registryId: true } },
  programme: { select: { id: true, name: true } },
} as const satisfies Prisma.StateAidAwardInclude;

type EntryRow = Prisma.StateAidAwardGetPayload<{ include: typeof ENTRY_INCLUDE }>;

function toEntry(row: EntryRow): LedgerRow {
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

/**
 * The ledger rows with, on each declared row that repeats an earlier declaration of the same aid
 * by the same undertaking, that earlier row (the first booked): the rule the undertaking totals
 * count declared aid once by. So the rows that are not repeats add up to those totals.
 */
async function withRepeats(database: Database, rows: LedgerRow[]): Promise<StateAidLedgerEntry[]> {
  const declared = rows.filter((row) => row.kind === "DECLARED");
  const repeats = new Map<string, NonNullable<StateAidLedgerEntry["repeats"]>>();
  if (declared.length > 0) {
    const ids = declared.map((row) => row.id);
    const days = [...new Set(declared.map((row) => row.grantedOn))];
    const found = await database.$queryRaw<
      { id: string; firstId: string; firstRequestId: string; title: string; programmeId: string }[]
    >(Prisma.sql`
      SELECT r."id", f."id" AS "firstId", f."requestId" AS "firstRequestId",
             a."title", a."programmeId"
        FROM (SELECT x."id",
                     first_value(x."id") OVER (
                       PARTITION BY x.unit, ${DECLARED_AID_IDENTITY_COLUMNS}
                       ORDER BY x."bookedAt", x."id") AS "firstId"
                FROM (SELECT s."id", s."bookedAt", ${undertakingOf("o")} AS unit,
                             ${declaredAidIdentity("s")}
                        FROM "StateAidAward" s
                        JOIN "Organization" o ON o."id" = s."organizationId"
                       WHERE s."kind" = 'DECLARED' AND s."grantedOn" = ANY(${days}::date[])
                     ) x
             ) r
        JOIN "StateAidAward" f ON f."id" = r."firstId"
        JOIN "AllocationRequest" a ON a."id" = f."requestId"
       WHERE r."id" = ANY(${ids}::text[]) AND r."id" <> r."firstId"`);
    for (const row of found) {
      repeats.set(row.id, {
        id: row.firstId,
        requestId: row.firstRequestId,
        applicationTitle: row.title,
        programmeId: row.programmeId,
      });
    }
  }
  return rows.map((row) => ({ ...row, repeats: repeats.get(row.id) ?? null }));
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

/**
 * The de minimis ledger, newest grant first, filtered; every row as it was booked, declared rows
 * that repeat an earlier declaration of the same aid marked as such (withRepeats).
 */
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
  return {
    items: await withRepeats(database, page.items.map(toEntry)),
    nextCursor: page.nextCursor,
  };
}

/**
 * Every ledger row matching the filter, oldest grant first, a page at a time: the export for the
 * national register (AWARD rows are the aid Tessera's programmes granted), repeats marked.
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
    yield await withRepeats(database, rows.map(toEntry));
    if (rows.length < batch) return;
    last = rows[rows.length - 1]!;
  }
}
