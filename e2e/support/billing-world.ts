/**
 * A month of metered usage for the billing journey, written to the e2e database the way metering
 * writes it (the usage table's own trigger gives each record its id under the billing cut): a new
 * organisation of the demo researcher's, with an award on the seeded programme, jobs last month
 * (to be invoiced by the worker's billing sweep) and one this month (the live draft). No page can
 * make usage of a month that is over, so the test brings it, as the metering would have.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { E2E } from "../../playwright.config";
import {
  insertAwardedOrganisation,
  queryOn,
  researcherAndProgramme,
  type Query,
} from "./awarded-organisation";

export interface BillingWorld {
  organizationId: string;
  organizationName: string;
  programmeId: string;
  /** "YYYY-MM" in Europe/Brussels: the month that is over, and this one. */
  lastMonth: string;
  thisMonth: string;
}

const ZONE = "Europe/Brussels";

export async function createBillingWorld(
  programmeName: string,
  options: {
    /**
     * Also a GPU class of the world's own whose price changed halfway through this month so far,
     * used before and after the change: two lines of one class and month at two prices, each with
     * the price-change note.
     */
    priceChangeThisMonth?: boolean;
  } = {},
): Promise<BillingWorld> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  const suffix = randomBytes(4).toString("hex");
  const org = `e2e-billing-${suffix}`;
  const name = `Ledger Lab ${suffix}`;
  try {
    await client.query("BEGIN");
    const q = queryOn(client);
    const { user, programme } = await researcherAndProgramme(q, programmeName);
    const classes = await q<{ id: string; code: string; powerDrawWatts: number }>(
      `SELECT "id", "code", "powerDrawWatts" FROM "ResourceClass"
        WHERE "code" IN ('h100-80gb', 'cpu-core') ORDER BY "code" DESC`,
    );
    const [months] = await q<{ last: string; this: string; lastStart: Date; thisStart: Date }>(
      `SELECT to_char(date_trunc('month', now() AT TIME ZONE $1) - interval '1 month', 'YYYY-MM') AS last,
              to_char(now() AT TIME ZONE $1, 'YYYY-MM') AS this,
              (date_trunc('month', now() AT TIME ZONE $1) - interval '1 month') AT TIME ZONE $1 AS "lastStart",
              date_trunc('month', now() AT TIME ZONE $1) AT TIME ZONE $1 AS "thisStart"`,
      [ZONE],
    );
    const [gpu, cpu] = classes;
    if (!user || !programme || !months || !gpu || !cpu) {
      throw new Error("The e2e seed has no demo researcher, programme or resource classes");
    }
    // A 60 % subsidy of up to €500.00.
    await insertAwardedOrganisation(q, {
      id: org,
      name,
      userId: user.id,
      programme,
      project: { slug: "ledger", name: "Ledger" },
      title: "Ledger models",
      daysBefore: 120,
      daysAfter: 240,
      subsidyRateBps: 6000,
      listValueMinor: 83334,
      programmeShareMinor: 50000,
    });
    await q(
      `INSERT INTO "Membership" ("id", "organizationId", "userId", "role", "updatedAt")
       VALUES ($1 || '-owner', $1, $2, 'OWNER', now())`,
      [org, user.id],
    );
    await q(
      `INSERT INTO "BillingAccount" ("organizationId", "timeZone", "updatedAt") VALUES ($1, $2, now())`,
      [org, ZONE],
    );
    // Last month: 2 GPUs × 5 h and 16 cores × 4 h; this month: 1 GPU × 2 h.
    const usage: {
      cls: typeof gpu;
      units: number;
      seconds: number;
      start: "lastStart" | "thisStart";
      offset: number;
    }[] = [
      { cls: gpu, units: 2, seconds: 5 * 3_600, start: "lastStart", offset: 3 * 86_400 },
      { cls: cpu, units: 16, seconds: 4 * 3_600, start: "lastStart", offset: 9 * 86_400 },
      { cls: gpu, units: 1, seconds: 2 * 3_600, start: "thisStart", offset: 60 },
    ];
    for (const [index, entry] of usage.entries()) {
      await q(
        `INSERT INTO "AllocationLine" ("id", "allocationId", "resourceClassId", "grantedUnitSeconds",
                                       "listPriceMinorPerHour")
         SELECT $1 || '-line-' || rc."code", $1 || '-award', rc."id", 360000000, rc."listPriceMinorPerHour"
           FROM "ResourceClass" rc WHERE rc."id" = $2
         ON CONFLICT DO NOTHING`,
        [org, entry.cls.id],
      );
      const start = new Date(months[entry.start].getTime() + entry.offset * 1000);
      await q(
        `INSERT INTO "UsageRecord" ("organizationId", "source", "sourceRef", "intervalStart",
                                    "intervalEnd", "resourceClassId", "projectId", "allocationLineId",
                                    "quantity", "unitSeconds", "energyMilliWh", "energyBasis")
         VALUES ($1, 'SIM', $1 || ':job-' || $2::text, $3::timestamptz AT TIME ZONE 'UTC',
                 $4::timestamptz AT TIME ZONE 'UTC', $5, $1 || '-project',
                 $1 || '-line-' || $6, $7, $8, $9, 'ESTIMATED')`,
        [
          org,
          index,
          start.toISOString(),
          new Date(start.getTime() + entry.seconds * 1000).toISOString(),
          entry.cls.id,
          entry.cls.code,
          entry.units,
          entry.units * entry.seconds,
          Math.round((entry.cls.powerDrawWatts * entry.units * entry.seconds) / 3.6),
        ],
      );
    }
    if (options.priceChangeThisMonth) await insertRepricedUse(q, org, months.thisStart);
    await q("COMMIT");
    return {
      organizationId: org,
      organizationName: name,
      programmeId: programme.id,
      lastMonth: months.last,
      thisMonth: months.this,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * A class of the organisation's own at €2.95 a GPU-hour until halfway between the month's start
 * and now, €3.40 from then on, and 8 GPUs used from the month's start and again from the change,
 * each for up to 2 hours (never past now). Only this world's organisation uses the class.
 */
async function insertRepricedUse(q: Query, org: string, monthStart: Date): Promise<void> {
  const classId = `${org}-repriced`;
  await q(
    `INSERT INTO "ResourceClass" ("id", "code", "name", "kind", "unit", "listPriceMinorPerHour",
                                  "currency", "powerDrawWatts", "updatedAt")
     VALUES ($1, $1, 'NVIDIA H100 80GB SXM (reserved)', 'GPU', 'GPU', 295, 'EUR', 700, now())`,
    [classId],
  );
  const sinceStart = Math.max(4_000, Date.now() - monthStart.getTime());
  const changeAt = new Date(monthStart.getTime() + Math.floor(sinceStart / 2));
  await q(
    `INSERT INTO "PriceVersion" ("id", "resourceClassId", "effectiveFrom", "currency",
                                 "minorPerUnitHour")
     VALUES ($1 || '-v2', $1, $2::timestamptz AT TIME ZONE 'UTC', 'EUR', 340)`,
    [classId, changeAt.toISOString()],
  );
  await q(
    `INSERT INTO "AllocationLine" ("id", "allocationId", "resourceClassId", "grantedUnitSeconds",
                                   "listPriceMinorPerHour")
     VALUES ($1 || '-line-repriced', $1 || '-award', $2, 360000000, 295)`,
    [org, classId],
  );
  const seconds = Math.min(2 * 3_600, Math.floor(sinceStart / 2_000) - 1);
  for (const [index, start] of [monthStart, new Date(changeAt.getTime() + 1_000)].entries()) {
    await q(
      `INSERT INTO "UsageRecord" ("organizationId", "source", "sourceRef", "intervalStart",
                                  "intervalEnd", "resourceClassId", "projectId", "allocationLineId",
                                  "quantity", "unitSeconds", "energyMilliWh", "energyBasis")
       VALUES ($1, 'SIM', $1 || ':repriced-' || $2::text, $3::timestamptz AT TIME ZONE 'UTC',
               $4::timestamptz AT TIME ZONE 'UTC', $5, $1 || '-project', $1 || '-line-repriced',
               8, $6, $7, 'ESTIMATED')`,
      [
        org,
        index,
        start.toISOString(),
        new Date(start.getTime() + seconds * 1_000).toISOString(),
        classId,
        8 * seconds,
        Math.round((700 * 8 * seconds) / 3.6),
      ],
    );
  }
}
