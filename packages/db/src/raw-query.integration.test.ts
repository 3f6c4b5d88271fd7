import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, db } from "./client";
import { Prisma } from "./generated/prisma/client";
import pg from "pg";
import { serverEnv } from "@tessera/config";
import {
  copyRowsOf,
  rawBatchQuery,
  rawQuery,
  rawTransaction,
  registerRawPool,
  type RawBatch,
} from "./raw-query";
import { tenantScoped } from "./tenant-scope";

describe("rawQuery", () => {
  // Away from UTC, so that a timestamp read or written in local time would show.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "America/Sao_Paulo";
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("returns what $queryRaw returns, for every type the hot statements use", async () => {
    const at = new Date("2027-03-04T05:06:07.089Z");
    const query = Prisma.sql`
      SELECT ${"text"}::text AS "text", ${42}::int AS "int", ${9_007_199_254_740_993n}::bigint AS "big",
             ${"12.50"}::numeric AS "decimal", ${true}::boolean AS "flag", NULL::text AS "nothing",
             ${at}::timestamptz AS "instant", (${at}::timestamptz AT TIME ZONE 'UTC') AS "utc",
             ${at.toISOString()}::timestamptz AT TIME ZONE 'UTC' AS "fromText",
             ${JSON.stringify({ a: [1, "b"] })}::jsonb AS "json",
             ${["x", "y,z", 'q"uote']}::text[] AS "texts", ARRAY[1, NULL, 3]::bigint[] AS "bigs",
             ARRAY[(${at}::timestamptz AT TIME ZONE 'UTC')] AS "utcs", 1.5::float8 AS "float"`;
    const [raw] = await rawQuery<Record<string, unknown>>(db, query);
    const [orm] = await db.$queryRaw<Record<string, unknown>[]>(query);
    expect(raw).toEqual(orm);
    expect(raw).toMatchObject({
      int: 42,
      big: 9_007_199_254_740_993n,
      flag: true,
      nothing: null,
      instant: at,
      utc: at,
      fromText: at,
      json: { a: [1, "b"] },
      texts: ["x", "y,z", 'q"uote'],
      bigs: [1n, null, 3n],
      utcs: [at],
    });
    expect(String(raw!.decimal)).toBe("12.5");
  });

  it("runs on the client's own pool and prepares each text once, or through $queryRaw inside a transaction", async () => {
    const client = createDatabase(undefined, 2);
    try {
      const named = () => rawQuery<{ n: number }>(client, Prisma.sql`SELECT ${1}::int + 1 AS n`);
      expect(await named()).toEqual([{ n: 2 }]);
      expect(await named()).toEqual([{ n: 2 }]);
      const inside = await client.$transaction((tx) =>
        rawQuery<{ xid: string }>(tx, Prisma.sql`SELECT pg_current_xact_id()::text AS xid`),
      );
      expect(inside[0]!.xid).toMatch(/^\d+$/);
      // A statement error surfaces as the database's error, not a crash of the pool.
      await expect(rawQuery(client, Prisma.sql`SELECT 1/${0}::int`)).rejects.toThrow(
        /division by zero/,
      );
      expect(await named()).toEqual([{ n: 2 }]);
    } finally {
      await client.$disconnect();
    }
  });

  it("runs the statements of one line one at a time, in the order asked, past a failure", async () => {
    const client = createDatabase(undefined, 4);
    const timed = (ms: number) =>
      Prisma.sql`SELECT clock_timestamp() AS started, pg_sleep(${ms / 1000}::float8)::text,
                        clock_timestamp() AS ended`;
    type Interval = { started: Date; ended: Date };
    const overlaps = (runs: Interval[]) =>
      runs.some((a, i) => runs.some((b, j) => i < j && a.started < b.ended && b.started < a.ended));
    try {
      // The same statements outside any line overlap on the pool's four connections.
      const free = await Promise.all([1, 2, 3].map(() => rawQuery<Interval>(client, timed(100))));
      expect(overlaps(free.map((rows) => rows[0]!))).toBe(true);

      const line = { line: "test-line" };
      const results = await Promise.allSettled([
        rawQuery<Interval>(client, timed(60), line),
        rawQuery(client, Prisma.sql`SELECT 1/${0}::int`, line),
        rawQuery<Interval>(client, timed(60), line),
        rawQuery<Interval>(client, timed(60), line),
      ]);
      expect(results.map((result) => result.status)).toEqual([
        "fulfilled",
        "rejected",
        "fulfilled",
        "fulfilled",
      ]);
      const runs = results.flatMap((result) =>
        result.status === "fulfilled" ? [(result.value as Interval[])[0]!] : [],
      );
      expect(overlaps(runs)).toBe(false);
      expect(runs.map((run) => run.started.getTime())).toEqual(
        runs.map((run) => run.started.getTime()).sort((a, b) => a - b),
      );
    } finally {
      await client.$disconnect();
    }
  });

  it("runs a tenant-scoped client's raw statements on its base client's pool", async () => {
    const client = createDatabase(undefined, 1);
    const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 1 });
    const seen: string[] = [];
    registerRawPool(client, { pool, name: () => "", onQuery: (sql) => seen.push(sql) });
    try {
      const scoped = tenantScoped(client, "org-of-nobody");
      expect(await rawQuery(scoped, Prisma.sql`SELECT ${7}::int AS n`)).toEqual([{ n: 7 }]);
      expect(seen).toEqual(["SELECT $1::int AS n"]);
    } finally {
      await client.$disconnect();
      await pool.end();
    }
  });
});

describe("rawBatchQuery", () => {
  // Doubles each number; the statement names its transaction, so a test can tell batches apart.
  const doubling = (
    key: string,
  ): RawBatch<number, { n: number; doubled: number; xid: string }, [number, string]> => ({
    key,
    line: "test-batches",
    statement: (items) => Prisma.sql`
      SELECT n, n * 2 AS doubled, pg_current_xact_id()::text AS xid
        FROM unnest(${items}::int[]) AS n`,
    results: (rows, items) =>
      items.map((item) => {
        const row = rows.find((r) => r.n === item)!;
        return [row.doubled, row.xid];
      }),
  });

  it("runs the items that queue behind a statement in one statement, each with its own result", async () => {
    const client = createDatabase(undefined, 4);
    try {
      const batch = doubling("double");
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => rawBatchQuery(client, batch, n)),
      );
      expect(results.map(([doubled]) => doubled)).toEqual([2, 4, 6, 8, 10]);
      // The first found the line free and went alone; the other four waited and went together.
      const transactions = results.map(([, xid]) => xid);
      expect(new Set(transactions).size).toBe(2);
      expect(new Set(transactions.slice(1)).size).toBe(1);
    } finally {
      await client.$disconnect();
    }
  });

  it("lets an item that finds its line idle wait for company when the batch lingers", async () => {
    const client = createDatabase(undefined, 4);
    try {
      const settle = async (lingerMs?: number) => {
        const batch = { ...doubling(`linger-${lingerMs ?? 0}`), lingerMs };
        const first = rawBatchQuery(client, batch, 1);
        // The second comes a little later, as a worker's next job does.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const second = rawBatchQuery(client, batch, 2);
        const [[, a], [, b]] = await Promise.all([first, second]);
        return a === b ? "together" : "apart";
      };
      expect(await settle()).toBe("apart");
      expect(await settle(400)).toBe("together");
    } finally {
      await client.$disconnect();
    }
  });

  it("answers each item of a failed batch on its own, keeps other keys apart, and runs alone in a transaction", async () => {
    const client = createDatabase(undefined, 4);
    try {
      // Ten divided by each number: a batch with a zero in it fails as a whole.
      const dividing: RawBatch<number, { n: number; q: number }, number> = {
        key: "divide",
        line: "test-batches",
        statement: (items) => Prisma.sql`
          SELECT n, 10 / n AS q FROM unnest(${items}::int[]) AS n`,
        results: (rows, items) => items.map((item) => rows.find((row) => row.n === item)!.q),
      };
      const other = doubling("other");
      const settled = await Promise.allSettled([
        rawBatchQuery(client, other, 7),
        rawBatchQuery(client, dividing, 2),
        rawBatchQuery(client, dividing, 0),
        rawBatchQuery(client, dividing, 5),
        rawBatchQuery(client, other, 8),
      ]);
      // 2, 0 and 5 went together and failed; each then ran alone: only the zero fails.
      expect(settled.map((result) => result.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "rejected",
        "fulfilled",
        "fulfilled",
      ]);
      expect(String((settled[2] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
      expect(
        settled.map((result) => (result.status === "fulfilled" ? result.value : null)),
      ).toEqual([expect.arrayContaining([14]), 5, null, 2, expect.arrayContaining([16])]);

      const inside = await client.$transaction(async (tx) => {
        const own = await tx.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`;
        const [, xid] = await rawBatchQuery(tx, doubling("double"), 9);
        return [own[0]!.xid, xid];
      });
      expect(inside[1]).toBe(inside[0]);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("rawTransaction", () => {
  const table = `raw_tx_${process.pid}`;
  beforeAll(async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" (n int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
  });
  const insert = (n: number) =>
    Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (n) VALUES (${n})`;
  const rows = async () =>
    (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT n FROM "${table}" ORDER BY n`)).map(
      (row) => row.n,
    );

  it("commits the statements of one transaction together, on one connection", async () => {
    const client = createDatabase(undefined, 2);
    try {
      const xids = await rawTransaction(client, async (statement) => {
        const [a] = await statement<{ xid: string }>(
          Prisma.sql`SELECT pg_current_xact_id()::text AS xid`,
        );
        await statement(insert(1));
        await statement(insert(2));
        const [b] = await statement<{ xid: string }>(
          Prisma.sql`SELECT pg_current_xact_id()::text AS xid`,
        );
        return [a!.xid, b!.xid];
      });
      expect(xids[0]).toBe(xids[1]);
      expect(await rows()).toEqual([1, 2]);
    } finally {
      await client.$disconnect();
    }
  });

  it("rolls everything back when the work throws, or a statement fails, and leaves the pool usable", async () => {
    const client = createDatabase(undefined, 1);
    try {
      await expect(
        rawTransaction(client, async (statement) => {
          await statement(insert(3));
          throw new Error("the queue did not answer");
        }),
      ).rejects.toThrow("the queue did not answer");
      await expect(
        rawTransaction(client, async (statement) => {
          await statement(insert(4));
          await statement(insert(4));
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await rows()).not.toContain(3);
      expect(await rows()).not.toContain(4);
      // One connection in the pool: it came back clean (not left inside an aborted transaction).
      await rawTransaction(client, (statement) => statement(insert(5)));
      expect(await rows()).toContain(5);
    } finally {
      await client.$disconnect();
    }
  });

  it("loads rows with COPY in the transaction, every value exactly, or none of them", async () => {
    const client = createDatabase(undefined, 1);
    const copied = `raw_copy_${process.pid}`;
    const values = [
      [1, "plain", 9_007_199_254_740_993n, true],
      [2, "tab\there, line\nbreak, return\r, back\\slash, \\N and ünïcödé", -1n, false],
      [3, null, null, null],
    ] as const;
    try {
      await db.$executeRawUnsafe(
        `CREATE TABLE "${copied}" (n int PRIMARY KEY, label text, big bigint, flag boolean)`,
      );
      const seen = await rawTransaction(client, async (statement, copy) => {
        await copy!(copied, ["n", "label", "big", "flag"], copyRowsOf(values));
        return statement<{ n: number }>(
          Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(`"${copied}"`)}`,
        );
      });
      expect(seen[0]!.n).toBe(3);
      const stored = await db.$queryRawUnsafe<
        { n: number; label: string | null; big: bigint | null; flag: boolean | null }[]
      >(`SELECT n, label, big, flag FROM "${copied}" ORDER BY n`);
      expect(stored.map((row) => [row.n, row.label, row.big, row.flag])).toEqual(values);
      // A row the table refuses (a duplicate key) fails the COPY and rolls the transaction back.
      await expect(
        rawTransaction(client, async (statement, copy) => {
          await statement(insert(6));
          await copy!(copied, ["n"], copyRowsOf([[4], [1]]));
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await rows()).not.toContain(6);
      expect((await db.$queryRawUnsafe<unknown[]>(`SELECT n FROM "${copied}"`)).length).toBe(3);
      // Names that are not identifiers never reach the statement.
      await expect(
        rawTransaction(client, (_statement, copy) =>
          copy!(`${copied}" x`, ["n"], copyRowsOf([[5]])),
        ),
      ).rejects.toThrow(/Not an identifier/);
      // A client made elsewhere runs in an ORM transaction, which has no COPY.
      const elsewhere = db.$extends({});
      expect(
        await rawTransaction(elsewhere, (_statement, copy) => Promise.resolve(copy)),
      ).toBeNull();
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${copied}"`);
      await client.$disconnect();
    }
  });
});
