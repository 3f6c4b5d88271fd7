import { describe, expect, it } from "vitest";
import { createStatementNamer, UNNAMED } from "./statement-names";

describe("createStatementNamer", () => {
  it("gives one text one stable name, and different texts different names", () => {
    const name = createStatementNamer();
    const select = { sql: 'SELECT "id" FROM "Workload" WHERE "id" = $1' };
    const update = { sql: 'UPDATE "Workload" SET "status" = $1 WHERE "id" = $2' };
    expect(name(select)).toMatch(/^t_[0-9a-f]{24}$/);
    expect(name({ ...select })).toBe(name(select));
    expect(name(update)).not.toBe(name(select));
    // Another process names the same text the same way.
    expect(createStatementNamer()(select)).toBe(name(select));
  });

  it("leaves texts that vary with a list's length unprepared", () => {
    const name = createStatementNamer();
    expect(name({ sql: 'SELECT 1 FROM "Workload" WHERE "id" IN ($1,$2,$3,$4)' })).toBe(UNNAMED);
    expect(name({ sql: 'SELECT 1 FROM "Workload" WHERE "id" = ANY($1::text[])' })).not.toBe(
      UNNAMED,
    );
  });

  it("prepares at most the bounded number of distinct texts", () => {
    const name = createStatementNamer(2);
    expect(name({ sql: "SELECT $1::int" })).not.toBe(UNNAMED);
    expect(name({ sql: "SELECT $1::text" })).not.toBe(UNNAMED);
    expect(name({ sql: "SELECT $1::bigint" })).toBe(UNNAMED);
    // The ones already named keep their names.
    expect(name({ sql: "SELECT $1::int" })).not.toBe(UNNAMED);
  });
});
