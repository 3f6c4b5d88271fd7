import pg from "pg";
import { Prisma } from "./generated/prisma/client";

/**
 * The pool behind each client createDatabase made, for rawQuery. Clients made elsewhere (and
 * interactive transactions, which must stay on their own connection) are not in it.
 */
interface RawPool {
  pool: pg.Pool;
  name: (sql: string) => string;
  /** Told of each statement run this way (the dispatch probe counts them). */
  onQuery?: (sql: string) => void;
}

const pools = new WeakMap<object, RawPool>();

export function registerRawPool(client: object, raw: RawPool): void {
  pools.set(client, raw);
}

const INT8 = 20;
const INT8_ARRAY = 1016;
const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const NUMERIC = 1700;

type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
// text[]: splits a Postgres array literal into its elements' texts.
const parseArray = pg.types.getTypeParser(1009 as TypeId) as (text: string) => (string | null)[];
const utcDate = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

/**
 * Result types as $queryRaw gives them: int8 as bigint, numeric as Decimal, `timestamp` (Tessera
 * stores UTC in it) as a Date.
 */
const parsers = new Map<number, (text: string) => unknown>([
  [INT8, (text) => BigInt(text)],
  [INT8_ARRAY, (text) => parseArray(text).map((v) => (v === null ? null : BigInt(v)))],
  [TIMESTAMP, utcDate],
  [TIMESTAMP_ARRAY, (text) => parseArray(text).map((v) => (v === null ? null : utcDate(v)))],
  [NUMERIC, (text) => new Prisma.Decimal(text)],
]);

const types = {
  getTypeParser(oid: number, format?: "text" | "binary"): (text: string) => unknown {
    const own = parsers.get(oid);
    if (own) return own;
    return pg.types.getTypeParser(oid, format) as (text: string) => unknown;
  },
};

/** Parameters as $queryRaw sends them: a Date as its UTC instant. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}

/**
 * Runs one raw statement straight on node-postgres, without the ORM's query machinery (about a
 * tenth of a millisecond of CPU per statement): for the few statements every launch runs. Same
 * results as `$queryRaw` for the types those statements return; a client this module does not
 * know (a transaction, a client made elsewhere) runs it through `$queryRaw`.
 */
export async function rawQuery<T>(
  client: { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> },
  query: Prisma.Sql,
): Promise<T[]> {
  const known = pools.get(client);
  if (!known) return client.$queryRaw<T[]>(query);
  known.onQuery?.(query.text);
  const result = await known.pool.query({
    name: known.name(query.text) || undefined,
    text: query.text,
    values: query.values.map(parameter),
    types,
  });
  return result.rows as T[];
}
