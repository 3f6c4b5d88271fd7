import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@tessera/db";
import { WRITE, type MeteredRequest } from "./meter";
import {
  grantTokens,
  servingEndpoint,
  startGateway,
  usageOf,
  type RunningGateway,
  type ServingEndpoint,
} from "./testing/gateway-world";

/*
 * A usage record's organisation, resource class, workload and allocation line are the database's
 * to check (foreign keys): a batch naming something that does not exist is refused whole, with the
 * key's own error, and the meter then sets aside only the record at fault; a row a record names
 * cannot be deleted or re-keyed from under it.
 */

let database: Database;
let endpoint: ServingEndpoint;
let gateway: RunningGateway;
let redis: Redis;

beforeAll(async () => {
  database = createDatabase(process.env.DATABASE_URL, 4);
  endpoint = await servingEndpoint(database);
  gateway = await startGateway();
  redis = new Redis(process.env.REDIS_URL!);
});

afterAll(async () => {
  await gateway?.close();
  await endpoint?.sim.close();
  redis?.disconnect();
  await database?.$disconnect();
});

/** A record of a call to the endpoint's own model, as the proxy meters it. */
function record(overrides: Partial<MeteredRequest> = {}): MeteredRequest {
  const now = Date.now();
  return {
    id: `req_${randomBytes(16).toString("hex")}`,
    organizationId: endpoint.setup.organizationId,
    projectId: endpoint.setup.projectId,
    apiKeyId: "nokey",
    endpointId: endpoint.endpointId,
    shared: false,
    resourceClassId: endpoint.setup.resourceClassId,
    allocationLineId: endpoint.setup.allocationLineId,
    quotaHoldId: null,
    model: endpoint.model,
    tokensIn: 12,
    tokensOut: 3,
    startedAt: now - 20,
    endedAt: now,
    ttftMs: null,
    ...overrides,
  };
}

async function write(records: MeteredRequest[]): Promise<void> {
  await database.$executeRawUnsafe(WRITE, JSON.stringify(records));
}

/** A resource class of its own, for an allocation line of its own. */
async function tier(): Promise<string> {
  const code = `refs-${randomBytes(5).toString("hex")}`;
  const created = await database.resourceClass.create({
    data: {
      code,
      name: code,
      kind: "TOKENS",
      unit: "token",
      listPriceMinorPerHour: 40,
      currency: "EUR",
      powerDrawWatts: 0,
    },
  });
  return created.id;
}

describe("a usage record's references", () => {
  it("are each refused when they name nothing, as a foreign key refuses them", async () => {
    const cases: [Partial<MeteredRequest>, string][] = [
      [{ organizationId: "no-such-organisation" }, "UsageRecord_organizationId_fkey"],
      [{ resourceClassId: "no-such-class" }, "UsageRecord_resourceClassId_fkey"],
      [{ endpointId: "no-such-workload" }, "UsageRecord_workloadId_fkey"],
      [{ allocationLineId: "no-such-line" }, "UsageRecord_allocationLineId_fkey"],
    ];
    for (const [overrides, constraint] of cases) {
      const refused = record(overrides);
      // In a batch with a record that is fine: the statement, and so the batch, is refused.
      await expect(write([record(), refused])).rejects.toThrow(
        new RegExp(`23503.*${constraint}|${constraint}.*23503`, "s"),
      );
    }
    const fine = [record(), record({ shared: true, quotaHoldId: "a-lease" })];
    await write(fine);
    expect(
      await usageOf(
        database,
        fine.map((written) => written.id),
      ),
    ).toHaveLength(2);
  });

  it("keep the rows they name from being deleted, and no other", async () => {
    const used = await grantTokens(database, endpoint.setup, await tier(), 1_000n);
    const unused = await grantTokens(database, endpoint.setup, await tier(), 1_000n);
    await write([record({ allocationLineId: used })]);
    await expect(database.allocationLine.delete({ where: { id: used } })).rejects.toThrow(
      /UsageRecord_allocationLineId_fkey/,
    );
    await expect(
      database.allocationLine.update({ where: { id: used }, data: { id: `${used}-moved` } }),
    ).rejects.toThrow(/UsageRecord_allocationLineId_fkey/);
    await database.allocationLine.delete({ where: { id: unused } });
    expect(await database.allocationLine.count({ where: { id: { in: [used, unused] } } })).toBe(1);
  });

  it("that name nothing set only their own record aside when the meter writes a batch", async () => {
    const fine = record();
    const refused = record({ allocationLineId: "no-such-line" });
    // Spooled in the same turn: one entry of the stream, one batch.
    await Promise.all([gateway.gateway.meter.spool(fine), gateway.gateway.meter.spool(refused)]);
    expect(await usageOf(database, [fine.id])).toHaveLength(1);
    const dead = `${gateway.config.prefix}:gw:usage:dead`;
    let entries: [string, string[]][] = [];
    for (let attempt = 0; attempt < 100 && entries.length === 0; attempt++) {
      entries = await redis.xrange(dead, "-", "+");
      if (entries.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entries).toHaveLength(1);
    const fields = entries[0]![1];
    expect(JSON.parse(fields[fields.indexOf("r") + 1]!)).toMatchObject({ id: refused.id });
    expect(fields[fields.indexOf("error") + 1]).toMatch(/UsageRecord_allocationLineId_fkey/);
    expect(await usageOf(database, [refused.id], 0)).toHaveLength(0);
  });
});
