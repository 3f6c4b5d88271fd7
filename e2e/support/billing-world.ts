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
import { insertAwardedOrganisation, queryOn, researcherAndProgramme } from "./awarded-organisation";

export interface BillingWorld {
  organizationId: string;
  organizationName: string;
  programmeId: string;
  /** "YYYY-MM" in Europe/Brussels: the month that is over, and this one. */
  lastMonth: string;
  thisMonth: string;
}

const ZONE = "Europe/Brussels";

export async function createBillingWorld(programmeName: string): Promise<BillingWorld> {
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
