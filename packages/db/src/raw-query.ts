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

/** Per pool: the tail of each named line of statements that run one at a time (see `line`). */
const lines = new WeakMap<RawPool, Map<string, Promise<unknown>>>();

const pools = new WeakMap<object, RawPool>();

export function registerRawPool(client: object, raw: RawPool): void {
  pools.set(client, raw);
}

/**
 * A client derived from a known one (`$extends`) runs raw statements on the same pool: an
 * extension changes model operations, never what a raw statement does.
 */
export function shareRawPool(from: object, to: object): void {
  const raw = pools.get(from);
  if (raw) pools.set(to, raw);
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
  options: RawQueryOptions = {},
): Promise<T[]> {
  const known = pools.get(client);
  if (!known) return client.$queryRaw<T[]>(query);
  const run = async () => {
    known.onQuery?.(query.text);
    const result = await known.pool.query({
      name: known.name(query.text) || undefined,
      text: query.text,
      values: query.values.map(parameter),
      types,
    });
    return result.rows as T[];
  };
  return options.line ? inLine(known, options.line, run) : run();
}

export interface RawQueryOptions {
  /**
   * Statements of one line run one at a time in this process, in the order they were asked for.
   * For statements that all wait on one database lock anyway (every append to the audit chain
   * takes the chain's lock until its commit): queued here, the next one is sent when the last
   * one's commit is done, instead of every one of them waiting inside PostgreSQL, where each
   * wait and wake-up costs the server a lock-queue entry, a sleep and a context switch. Only
   * statements that commit by themselves queue (a transaction's statements take the ORM's path):
   * a transaction could hold the lock while waiting for its turn here, and nothing would break
   * that cycle.
   */
  line?: string;
}

function inLine<T>(raw: RawPool, line: string, run: () => Promise<T>): Promise<T> {
  let tails = lines.get(raw);
  if (!tails) {
    tails = new Map();
    lines.set(raw, tails);
  }
  const previous = tails.get(line) ?? Promise.resolve();
  const mine = previous.then(run, run);
  const tail = mine.catch(() => undefined);
  tails.set(line, tail);
  // The last in line cleans up after itself, so an idle line holds nothing.
  void tail.then(() => {
    if (tails.get(line) === tail) tails.delete(line);
  });
  return mine;
}

/** Runs a raw statement in the transaction rawTransaction opened. */
export type RawStatement = <T>(query: Prisma.Sql) => Promise<T[]>;

interface TransactionalClient {
  $transaction<R>(
    work: (tx: { $queryRaw<Q>(query: Prisma.Sql): Prisma.PrismaPromise<Q> }) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
}

/** How long a raw transaction may sit between statements before PostgreSQL ends it. */
const RAW_TRANSACTION_IDLE_TIMEOUT = "20s";

/**
 * A short transaction of raw statements on one pooled connection, without the ORM's transaction
 * machinery: BEGIN (with an idle timeout, so work that hangs between statements — a queue that
 * does not answer — cannot hold its locks for ever), the statements `work` runs, COMMIT; ROLLBACK
 * and the error when `work` throws. A client this module does not know runs it in an ORM
 * transaction instead.
 */
export async function rawTransaction<T>(
  client: TransactionalClient,
  work: (statement: RawStatement) => Promise<T>,
): Promise<T> {
  const known = pools.get(client);
  if (!known) {
    return client.$transaction((tx) => work((query) => tx.$queryRaw(query)), {
      maxWait: 10_000,
      timeout: 20_000,
    });
  }
  const connection = await known.pool.connect();
  let broken: Error | undefined;
  try {
    await connection.query(
      `BEGIN; SET LOCAL idle_in_transaction_session_timeout = '${RAW_TRANSACTION_IDLE_TIMEOUT}'`,
    );
    const result = await work(async <R>(query: Prisma.Sql) => {
      known.onQuery?.(query.text);
      const rows = await connection.query({
        name: known.name(query.text) || undefined,
        text: query.text,
        values: query.values.map(parameter),
        types,
      });
      return rows.rows as R[];
    });
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    // A connection that could not roll back is closed rather than handed to the next caller.
    connection.release(broken);
  }
}
