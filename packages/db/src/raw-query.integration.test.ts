import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { rawQuery } from "./raw-query";

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
});
