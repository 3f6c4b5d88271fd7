/**
 * Work running on a resource class of its own, for the price-change journey: a new GPU class at
 * €2.95 an hour, a new organisation of the demo researcher's with an award on it, and on it two
 * running jobs (4 and 2 GPUs) and one that has ended, on a retired Slurm cluster of their own
 * that no worker reaches — so they stay as written while the test reads them, and no other
 * test's class, cluster or figures move. No page can make a job run for a set time, so the test
 * brings it, as the worker would have. `setPrice()` is another operator's change meanwhile;
 * `end()` ends the jobs afterwards.
 *
 * And a token tier of its own (a TOKENS class at €0.40 per million tokens, no model on it) that
 * the organisation's two API keys called through the gateway a minute ago — 2,500,000 and
 * 500,000 tokens, drawing on no award — written as the gateway writes its records, so that its
 * price change shows exactly those callers and no other test's calls (usage records are
 * immutable: they stay, on a tier no other test reads).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { E2E } from "../../playwright.config";
import { insertAwardedOrganisation, queryOn, researcherAndProgramme } from "./awarded-organisation";

export interface CatalogueWorld {
  resourceClassId: string;
  className: string;
  organizationId: string;
  organizationName: string;
  /** Running jobs by name, most GPUs first, and the one that has ended. */
  running: { name: string; units: number }[];
  ended: string;
  /** The token tier of its own (id and code) and its name; the seeded shared 8B tier's id. */
  tier: { id: string; name: string };
  seededTierId: string;
  /** Another operator's change of the price, made behind the page's back. */
  setPrice: (minor: number) => Promise<void>;
  /**
   * Makes the demo researcher its owner while `read` runs (to read its pages), and no longer
   * after: other tests' counts of the researcher's organisations and jobs stay as they were.
   */
  asOwner: <T>(read: () => Promise<T>) => Promise<T>;
  end: () => Promise<void>;
}

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createCatalogueWorld(programmeName: string): Promise<CatalogueWorld> {
  const suffix = randomBytes(4).toString("hex");
  const id = `e2e-price-${suffix}`;
  const className = `Price test GPU ${suffix}`;
  const organizationName = `Tariff Lab ${suffix}`;
  const running = [
    { name: "Tokeniser pre-training", units: 4 },
    { name: "Vision ablation", units: 2 },
  ];
  const ended = "Finished sweep";
  const tier = { id: `${id}-tokens`, name: `Price test tokens ${suffix}` };
  let seededTierId = "";
  let researcherId = "";
  await withClient(async (client) => {
    const q = queryOn(client);
    try {
      await q("BEGIN");
      const { user, programme } = await researcherAndProgramme(q, programmeName);
      if (!user || !programme) throw new Error("The e2e seed has no demo researcher or programme");
      researcherId = user.id;
      await q(
        `INSERT INTO "ResourceClass" ("id", "code", "name", "kind", "unit", "listPriceMinorPerHour",
                                      "currency", "powerDrawWatts", "updatedAt")
         VALUES ($1, $1, $2, 'GPU', 'GPU', 295, 'EUR', 700, now())`,
        [id, className],
      );
      await q(
        `INSERT INTO "Cluster" ("id", "code", "name", "kind", "region", "jurisdiction", "endpoint",
                                "active", "updatedAt")
         VALUES ($1, $1, $2, 'SLURM', 'e2e', 'DE', 'http://127.0.0.1:9', false, now())`,
        [id, `Price test cluster ${suffix}`],
      );
      // An award of 100 GPU-hours at €2.95, half of it subsidised.
      await insertAwardedOrganisation(q, {
        id,
        name: organizationName,
        userId: user.id,
        programme,
        project: { slug: "tariffs", name: "Tariffs" },
        title: "Tariff models",
        daysBefore: 10,
        daysAfter: 30,
        subsidyRateBps: 5000,
        listValueMinor: 29500,
        programmeShareMinor: 14750,
      });
      await q(
        `INSERT INTO "AllocationRequestLine" ("id", "requestId", "resourceClassId", "unitHours",
                                              "listPriceMinorPerHour", "grantedUnitHours")
         VALUES ($1 || '-request-line', $1 || '-request', $1, 100, 295, 100)`,
        [id],
      );
      await q(
        `INSERT INTO "AllocationLine" ("id", "allocationId", "resourceClassId", "grantedUnitSeconds",
                                       "listPriceMinorPerHour")
         VALUES ($1 || '-line', $1 || '-award', $1, 360000, 295)`,
        [id],
      );
      const jobs = [
        ...running.map((job) => ({ ...job, status: "RUNNING" })),
        { name: ended, units: 8, status: "COMPLETED" },
      ];
      for (const [index, job] of jobs.entries()) {
        await q(
          `INSERT INTO "Workload" ("id", "organizationId", "projectId", "allocationLineId",
                                   "resourceClassId", "clusterId", "name", "quantity",
                                   "walltimeSeconds", "spec", "status", "heldUnitSeconds",
                                   "placement", "createdById", "startedAt", "updatedAt")
           VALUES ($1 || '-job-' || $2::text, $1, $1 || '-project', $1 || '-line', $1, $1, $3, $4,
                   $7, '{"script":"#!/bin/bash\\necho tariffs\\n"}', $5::"WorkloadStatus", 0,
                   '{"candidates":[],"chosen":null,"reason":"Placed by the e2e world."}', $6,
                   now() - interval '10 minutes', now())`,
          // The first may run for 90 days (into its next billing month); the others end within
          // 5 minutes, before it, and so never move to a new price.
          [id, index, job.name, job.units, job.status, user.id, index === 0 ? 90 * 86_400 : 900],
        );
      }
      await q(
        `INSERT INTO "ResourceClass" ("id", "code", "name", "kind", "unit", "listPriceMinorPerHour",
                                      "currency", "powerDrawWatts", "updatedAt")
         VALUES ($1, $1, $2, 'TOKENS', 'token', 40, 'EUR', 0, now())`,
        [tier.id, tier.name],
      );
      for (const [index, call] of [
        { key: "a", tokensIn: 2_000_000, tokensOut: 500_000 },
        { key: "b", tokensIn: 300_000, tokensOut: 200_000 },
      ].entries()) {
        await q(
          `INSERT INTO "UsageRecord" ("organizationId", "source", "sourceRef", "intervalStart",
                                      "intervalEnd", "resourceClassId", "quantity", "unitSeconds",
                                      "tokensIn", "tokensOut", "model", "apiKeyId",
                                      "energyMilliWh", "energyBasis")
           VALUES ($1, 'GATEWAY_TOKENS', $1 || '-call-' || $2::text,
                   (now() AT TIME ZONE 'UTC') - interval '1 minute',
                   (now() AT TIME ZONE 'UTC') - interval '59 seconds', $3, 0, 0, $4, $5,
                   'tessera-e2e/price-test', $1 || '-key-' || $6, 0, 'ESTIMATED')`,
          [id, index, tier.id, call.tokensIn, call.tokensOut, call.key],
        );
      }
      const [seeded] = await q<{ id: string }>(
        `SELECT "id" FROM "ResourceClass" WHERE "code" = 'shared-8b-tokens'`,
      );
      if (!seeded) throw new Error("The e2e seed has no shared-8b-tokens tier");
      seededTierId = seeded.id;
      await q("COMMIT");
    } catch (error) {
      await q("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
  return {
    resourceClassId: id,
    className,
    organizationId: id,
    organizationName,
    running,
    ended,
    tier,
    seededTierId,
    setPrice: (minor) =>
      withClient(async (client) => {
        await client.query(
          `UPDATE "ResourceClass" SET "listPriceMinorPerHour" = $2, "updatedAt" = now()
            WHERE "id" = $1`,
          [id, minor],
        );
      }),
    asOwner: async (read) => {
      await withClient((client) =>
        client.query(
          `INSERT INTO "Membership" ("id", "organizationId", "userId", "role", "updatedAt")
           VALUES ($1 || '-owner', $1, $2, 'OWNER', now())`,
          [id, researcherId],
        ),
      );
      try {
        return await read();
      } finally {
        await withClient((client) =>
          client.query(`DELETE FROM "Membership" WHERE "id" = $1 || '-owner'`, [id]),
        );
      }
    },
    end: () =>
      withClient(async (client) => {
        await client.query(
          `UPDATE "Workload" SET "status" = 'COMPLETED', "endedAt" = now(), "updatedAt" = now()
            WHERE "resourceClassId" = $1 AND "status" = 'RUNNING'`,
          [id],
        );
      }),
  };
}
