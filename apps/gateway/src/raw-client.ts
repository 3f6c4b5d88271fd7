import { Prisma } from "@tessera/db/sql";
import type { QuotaClient } from "@tessera/core/ledger";
import pg from "pg";

/**
 * A pg pool as a client of core's raw statements: `$queryRaw` with the statements core builds
 * (the quota ledger's, the shared models an organisation may call), int8 read as bigint as Prisma
 * reads it. Lease placements and settlements use it once per block of tokens, the route table
 * once per refresh — never per request.
 */
export function rawClient(pool: pg.Pool): QuotaClient {
  const run = async (query: Prisma.Sql): Promise<Record<string, unknown>[]> => {
    // Timestamps go as UTC text: the ledger's columns are UTC timestamps without a zone.
    const values = query.values.map((value) =>
      value instanceof Date ? value.toISOString() : value,
    );
    const { rows } = await pool.query<Record<string, unknown>>({
      text: query.text,
      values,
      types: BIGINT,
    });
    return rows;
  };
  return {
    $queryRaw: ((first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      run(
        first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values),
      )) as unknown as QuotaClient["$queryRaw"],
  };
}

const BIGINT = {
  getTypeParser: ((oid: number, format?: string): ((value: string) => unknown) =>
    oid === 20
      ? (value: string) => BigInt(value)
      : (pg.types.getTypeParser(oid, format as "text") as (
          value: string,
        ) => unknown)) as typeof pg.types.getTypeParser,
};
