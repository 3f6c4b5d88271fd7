import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, db, type Database } from "@tessera/db";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** A database of its own, named after the test database, migrated and then seeded as `db:seed` does. */
function freshSeededDatabase(): string {
  const url = new URL(
    process.env.TEST_DATABASE_URL ?? "postgresql://postgres@localhost:5432/tessera_test",
  );
  url.pathname = `${url.pathname}_seed_${randomBytes(4).toString("hex")}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  const run = (args: string[]) =>
    execFileSync("pnpm", ["--silent", ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
  run(["--filter", "@tessera/db", "migrate:deploy"]);
  run(["--filter", "@tessera/core", "seed"]);
  return url.toString();
}

let url: string | undefined;
let seeded: Database | undefined;

afterAll(async () => {
  await seeded?.$disconnect();
  if (url) {
    const name = decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, '""');
    await db.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe("the demo seed", () => {
  it("tells one story: usage inside its award, drawn from the quota, awards as applied for", async () => {
    url = freshSeededDatabase();
    seeded = createDatabase(url, 2);

    const lines = await seeded.allocationLine.findMany({
      include: {
        allocation: { select: { validFrom: true, validTo: true } },
        resourceClass: { select: { kind: true, code: true } },
      },
    });
    const records = await seeded.usageRecord.findMany({
      where: { allocationLineId: { not: null } },
      select: {
        allocationLineId: true,
        intervalStart: true,
        intervalEnd: true,
        unitSeconds: true,
        tokensIn: true,
        tokensOut: true,
      },
    });
    // The seed meters usage on the demo researcher's award: the checks below have rows to check.
    expect(records.length).toBeGreaterThan(0);
    for (const line of lines) {
      const own = records.filter((record) => record.allocationLineId === line.id);
      const used = own.reduce(
        (sum, record) =>
          sum +
          (line.resourceClass.kind === "TOKENS"
            ? (record.tokensIn ?? 0n) + (record.tokensOut ?? 0n)
            : record.unitSeconds),
        0n,
      );
      expect(line.consumedUnitSeconds, `consumed on ${line.resourceClass.code}`).toBe(used);
      for (const record of own) {
        expect(record.intervalStart >= line.allocation.validFrom).toBe(true);
        expect(record.intervalStart < line.allocation.validTo).toBe(true);
      }
    }

    const allocations = await seeded.allocation.findMany({
      select: {
        validFrom: true,
        validTo: true,
        request: { select: { title: true, periodStart: true, periodEnd: true } },
      },
    });
    expect(allocations.length).toBeGreaterThan(0);
    for (const allocation of allocations) {
      expect(
        { from: allocation.validFrom, to: allocation.validTo },
        allocation.request.title,
      ).toEqual({ from: allocation.request.periodStart, to: allocation.request.periodEnd });
    }
  });
});
