import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
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

/**
 * A client derived from a known one (`$extends`) runs raw statements on the same pool: an
 * extension changes model operations, never what a raw statement does.
 */
export function shareRawPool(from: object, to: object): void {
  const raw = pools.get(from);
  if (raw) pools.set(to, raw);
}

/** Per pool: each named line of statements that run one at a time (see RawQueryOptions.line). */
const lines = new WeakMap<RawPool, Map<string, Line>>();

interface LineEntry {
  /** Entries with the same key that wait together are run as one statement. */
  key?: string;
  run: (entries: LineEntry[]) => Promise<unknown[]>;
  item?: unknown;
  /** How long it waits for company when it finds the line idle (RawBatch.lingerMs). */
  lingerMs?: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The most entries one batched statement takes. */
const MAX_BATCH = 64;

class Line {
  private readonly waiting: LineEntry[] = [];
  private busy = false;

  constructor(private readonly done: () => void) {}

  push(entry: LineEntry): void {
    this.waiting.push(entry);
    if (!this.busy && entry.lingerMs && this.waiting.length === 1) {
      this.busy = true;
      setTimeout(() => {
        this.busy = false;
        this.next();
      }, entry.lingerMs);
      return;
    }
    this.next();
  }

  private next(): void {
    if (this.busy) return;
    const head = this.waiting.shift();
    if (!head) {
      this.done();
      return;
    }
    const group = [head];
    if (head.key !== undefined) {
      for (let i = 0; i < this.waiting.length && group.length < MAX_BATCH;) {
        if (this.waiting[i]!.key === head.key) group.push(...this.waiting.splice(i, 1));
        else i += 1;
      }
    }
    this.busy = true;
    void this.settle(group).finally(() => {
      this.busy = false;
      this.next();
    });
  }

  /**
   * Runs a group as one statement. If that fails and the group is more than one entry, each runs
   * again alone (a failed statement changed nothing), so an entry whose own data the database
   * refuses fails by itself and does not take the others with it.
   */
  private async settle(group: LineEntry[]): Promise<void> {
    const head = group[0]!;
    try {
      const results = await head.run(group);
      group.forEach((entry, i) => entry.resolve(results[i]));
      return;
    } catch (error) {
      if (group.length === 1) {
        head.reject(error);
        return;
      }
    }
    for (const entry of group) {
      try {
        const [result] = await head.run([entry]);
        entry.resolve(result);
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}

function lineOf(raw: RawPool, name: string): Line {
  let named = lines.get(raw);
  if (!named) {
    named = new Map();
    lines.set(raw, named);
  }
  let line = named.get(name);
  if (!line) {
    // An idle line is dropped, so lines hold nothing between bursts.
    line = new Line(() => named.delete(name));
    named.set(name, line);
  }
  return line;
}

function enqueue<T>(raw: RawPool, name: string, entry: Omit<LineEntry, "resolve" | "reject">) {
  return new Promise<T>((resolve, reject) => {
    lineOf(raw, name).push({ ...entry, resolve, reject });
  });
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

/** One statement on the pool (or one of its connections), prepared once per connection. */
async function execute<T>(
  raw: RawPool,
  target: pg.Pool | pg.PoolClient,
  query: Prisma.Sql,
): Promise<T[]> {
  raw.onQuery?.(query.text);
  const result = await target.query({
    name: raw.name(query.text) || undefined,
    text: query.text,
    values: query.values.map(parameter),
    types,
  });
  return result.rows as T[];
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
  const run = () => execute<T>(known, known.pool, query);
  return options.line
    ? enqueue<T[]>(known, options.line, { run: async () => [await run()] })
    : run();
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

/**
 * A statement that can do the work of several callers at once: `statement` writes it for a list of
 * items, `results` hands each item its part of the rows (in the items' order).
 */
export interface RawBatch<I, R, O> {
  /** Items of batches with the same key that wait in the same line go in one statement. */
  key: string;
  /** rawQuery's line the batch waits in (RawQueryOptions.line). */
  line: string;
  statement(items: I[]): Prisma.Sql;
  results(rows: R[], items: I[]): O[];
  /**
   * How long an item that finds the line idle waits for others to join it before its statement
   * goes (like a producer's linger): for work that arrives in quick succession rather than all at
   * once. Without it, the first item goes at once and only those that queue behind it batch.
   */
  lingerMs?: number;
}

/**
 * For a batched statement's parameters: `column(key)` is that field of every item, in order, for
 * `unnest(${column("name")}::text[], …)`.
 */
export function columnsOf<T>(items: readonly T[]): <K extends keyof T>(key: K) => T[K][] {
  return (key) => items.map((item) => item[key]);
}

/**
 * For a batched statement over `unnest(…) WITH ORDINALITY AS k(…, "ord")`: each item's row (or
 * undefined when it has none), in the items' order.
 */
export function rowsInOrder<R extends { ord: bigint | number }>(
  rows: R[],
  items: readonly unknown[],
): (R | undefined)[] {
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return items.map((_, i) => byOrd.get(i + 1));
}

/**
 * Runs `batch` for `item`: alone when the line is free, or together with the items of the same
 * key that queued behind the statement in progress — one statement, one commit and one lock
 * queue for all of them, the way a database's group commit works. When a batch's statement
 * fails, its items run again one by one, so each gets its own answer (a failed statement changed
 * nothing). A client this module does not know (a transaction) runs it for the one item.
 */
export async function rawBatchQuery<I, R, O>(
  client: { $queryRaw<Q>(query: Prisma.Sql): Prisma.PrismaPromise<Q> },
  batch: RawBatch<I, R, O>,
  item: I,
): Promise<O> {
  const known = pools.get(client);
  if (!known) {
    const rows = await client.$queryRaw<R[]>(batch.statement([item]));
    return batch.results(rows, [item])[0]!;
  }
  return enqueue<O>(known, batch.line, {
    key: batch.key,
    item,
    lingerMs: batch.lingerMs,
    run: async (entries) => {
      const items = entries.map((entry) => entry.item as I);
      const rows = await execute<R>(known, known.pool, batch.statement(items));
      return batch.results(rows, items);
    },
  });
}

/** Runs a raw statement in the transaction rawTransaction opened. */
export type RawStatement = <T>(query: Prisma.Sql) => Promise<T[]>;

/** A value of a row RawCopy loads (null is SQL NULL). */
export type CopyValue = string | number | bigint | boolean | null;

/** Rows written out in COPY's text format (copyRowsOf), ready for a RawCopy. */
export interface CopyRows {
  readonly count: number;
  readonly text: string;
}

/**
 * Loads rows into a table with `COPY … FROM STDIN` in the transaction rawTransaction opened: for
 * thousands of rows the cheapest way in, for PostgreSQL (no parameters to parse, rows inserted in
 * bulk) and for Node (no parameters to escape one by one). The rows have a value per column, in
 * the order of `columns`; every constraint and trigger of the table applies as for an INSERT.
 */
export type RawCopy = (table: string, columns: readonly string[], rows: CopyRows) => Promise<void>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: "${name}"`);
  return `"${name}"`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: \N for null, backslash, tab and line breaks escaped. */
function copyField(value: CopyValue): string {
  if (typeof value === "string") {
    // Most values have nothing to escape: tested first, as replacing costs more than testing.
    if (!COPY_SPECIAL.test(value)) return value;
    return value.replace(/[\\\t\n\r]/g, (c) =>
      c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
    );
  }
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value);
}

/**
 * Rows for a RawCopy, written out now: a caller that holds a lock while it copies can write its
 * rows out before it takes the lock.
 */
export function copyRowsOf(rows: readonly (readonly CopyValue[])[]): CopyRows {
  return {
    count: rows.length,
    text: rows.map((row) => `${row.map(copyField).join("\t")}\n`).join(""),
  };
}

async function copyRows(
  connection: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: CopyRows,
): Promise<void> {
  if (rows.count === 0) return;
  const into = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(", ")})`;
  await pipeline(Readable.from([rows.text]), connection.query(copyFrom(`COPY ${into} FROM STDIN`)));
}

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
 * and the error when `work` throws. `work` may also load rows with COPY (RawCopy). A client this
 * module does not know runs it in an ORM transaction instead, where COPY is not to be had (`copy`
 * is null).
 */
export async function rawTransaction<T>(
  client: TransactionalClient,
  work: (statement: RawStatement, copy: RawCopy | null) => Promise<T>,
): Promise<T> {
  const known = pools.get(client);
  if (!known) {
    return client.$transaction((tx) => work((query) => tx.$queryRaw(query), null), {
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
    const result = await work(
      <R>(query: Prisma.Sql) => execute<R>(known, connection, query),
      (table, columns, rows) => copyRows(connection, table, columns, rows),
    );
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
