import type { Prisma, RawCopy, RawStatement } from "@tessera/db";

/**
 * What billing's reads and writes run on: the database, an ORM transaction, or a raw transaction's
 * statement runner (sqlClientOf) — anything that runs a raw statement and gives its rows.
 */
export interface SqlClient {
  $queryRaw<R>(query: Prisma.Sql): PromiseLike<R>;
  /** Bulk loading with COPY, where the client has it (a raw transaction's connection). */
  copy?: RawCopy;
}

/** A raw transaction's statement runner (and its COPY, when it has one) as a SqlClient. */
export function sqlClientOf(statement: RawStatement, copy: RawCopy | null = null): SqlClient {
  return {
    // `R` is the rows' array type, as $queryRaw's callers name it.
    $queryRaw: <R>(query: Prisma.Sql) => statement(query) as PromiseLike<unknown> as PromiseLike<R>,
    ...(copy ? { copy } : {}),
  };
}
