/**
 * Billing at scale for tests and benchmarks (never app code): many organisations, each with an
 * award of up to five resource classes on one programme and finished jobs on a simulated cluster
 * in one billing month — written with a few set-based statements, not one fixture per tenant. The
 * jobs are not metered here: the caller meters them through Tessera's own path (recordJobsUsage).
 */
import { Prisma, type Database } from "@tessera/db";
import { periodBounds } from "./billing-period";
import type { JobUsage } from "./record-job-usage";

/** Prices (minor units per unit-hour) and power draws of the classes, in order. */
const CLASSES = [
  { price: 295, watts: 700, kind: "GPU", unit: "GPU" },
  { price: 149, watts: 350, kind: "GPU", unit: "GPU" },
  { price: 37, watts: 120, kind: "MIG", unit: "MIG slice" },
  { price: 12, watts: 40, kind: "CPU", unit: "core" },
  { price: 7, watts: 25, kind: "CPU", unit: "core" },
] as const;

export interface BulkBillingWorld {
  tag: string;
  programmeId: string;
  organizationIds: string[];
  /** One per job, as the worker meters a job that ended. */
  jobs: JobUsage[];
}

/**
 * `organizations` tenants × `classes` allocation lines (5 at most) × `jobsPerLine` finished jobs,
 * all started in `month` (Europe/Brussels, every fifth tenant Europe/Lisbon) and ended within it.
 * Every third award's subsidy is small enough for the cap to bind; the others pay their rate.
 * Every fourth job reports measured energy. `tag` prefixes every id, so worlds never collide.
 */
export async function createBulkBillingWorld(
  database: Database,
  options: {
    tag: string;
    organizations: number;
    classes?: number;
    jobsPerLine: number;
    month: string;
  },
): Promise<BulkBillingWorld> {
  const { tag, organizations, jobsPerLine } = options;
  const classes = Math.min(CLASSES.length, Math.max(1, options.classes ?? CLASSES.length));
  if (!/^[a-z0-9-]+$/.test(tag)) throw new Error(`Bad tag "${tag}"`);
  const bounds = periodBounds(options.month, "Europe/Brussels");
  // Jobs start from the 3rd and end by the 27th: inside the month in either time zone.
  const firstStart = new Date(bounds.start.getTime() + 2 * 86_400_000);
  const user = `${tag}-user`;
  const programmeId = `${tag}-programme`;
  await database.$executeRaw(Prisma.sql`
    INSERT INTO "User" ("id", "email", "name", "updatedAt")
    VALUES (${user}, ${`${tag}@bench.tessera.test`}, 'Billing bench', now())`);
  // Classes outside the bulk transaction: their trigger opens each one's price version.
  await database.$executeRaw(Prisma.sql`
    INSERT INTO "ResourceClass" ("id", "code", "name", "kind", "unit", "listPriceMinorPerHour",
                                 "currency", "powerDrawWatts", "updatedAt")
    SELECT ${tag} || '-rc-' || c.n, ${tag} || '-rc-' || c.n, 'Bench class ' || c.n,
           c.kind::"ResourceKind", c.unit, c.price, 'EUR', c.watts, now()
      FROM unnest(${CLASSES.slice(0, classes).map((_, i) => i + 1)}::int[],
                  ${CLASSES.slice(0, classes).map((c) => c.kind)}::text[],
                  ${CLASSES.slice(0, classes).map((c) => c.unit)}::text[],
                  ${CLASSES.slice(0, classes).map((c) => c.price)}::int[],
                  ${CLASSES.slice(0, classes).map((c) => c.watts)}::int[])
        AS c(n, kind, unit, price, watts)`);
  const superuser = await database.$queryRaw<{ yes: boolean }[]>`
    SELECT rolsuper AS yes FROM pg_roles WHERE rolname = current_user`;
  await database.$transaction(
    async (tx) => {
      // Foreign keys are right by construction; skipping their checks saves minutes at scale.
      if (superuser[0]?.yes) await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Cluster" ("id", "code", "name", "kind", "region", "jurisdiction", "updatedAt")
        VALUES (${`${tag}-cluster`}, ${`${tag}-sim`}, 'Billing bench cluster', 'SIM', 'bench', 'DE', now())`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Programme" ("id", "slug", "name", "sponsor", "description", "currency",
                                 "budgetMinor", "subsidyRateBps", "orgCapMinor", "createdById",
                                 "updatedAt")
        VALUES (${programmeId}, ${programmeId}, ${`Billing bench ${tag}`}, 'Bench', 'Bench', 'EUR',
                1000000000000, 5000, 1000000000, ${user}, now())`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "ProgrammeCall" ("id", "programmeId", "name", "opensAt", "closesAt", "updatedAt")
        VALUES (${`${tag}-call`}, ${programmeId}, 'Call', now() - interval '1 year', now(), now())`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Organization" ("id", "slug", "name", "kind", "country", "registryId",
                                    "contactName", "contactEmail", "status", "createdById",
                                    "updatedAt")
        SELECT ${tag} || '-org-' || g, ${tag} || '-org-' || g, 'Bench Lab ' || g,
               'STARTUP', CASE WHEN g % 4 = 0 THEN 'FR' ELSE 'DE' END, ${tag} || '-' || g,
               'Bench', 'bench-' || g || '@bench.tessera.test', 'VERIFIED', ${user}, now()
          FROM generate_series(1, ${organizations}::int) g`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "BillingAccount" ("organizationId", "timeZone", "updatedAt")
        SELECT ${tag} || '-org-' || g,
               CASE WHEN g % 5 = 0 THEN 'Europe/Lisbon' ELSE 'Europe/Brussels' END, now()
          FROM generate_series(1, ${organizations}::int) g`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Project" ("id", "organizationId", "slug", "name", "updatedAt")
        SELECT ${tag} || '-project-' || g, ${tag} || '-org-' || g, 'bench', 'Bench', now()
          FROM generate_series(1, ${organizations}::int) g`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "AllocationRequest" ("id", "organizationId", "projectId", "programmeId",
                                         "callId", "status", "title", "abstract",
                                         "justification", "dataClassification", "periodStart",
                                         "periodEnd", "createdById", "updatedAt")
        SELECT ${tag} || '-request-' || g, ${tag} || '-org-' || g, ${tag} || '-project-' || g,
               ${programmeId}, ${`${tag}-call`}, 'APPROVED', 'Bench', 'Bench', 'Bench',
               'INTERNAL', now() - interval '1 year', now() + interval '1 year', ${user}, now()
          FROM generate_series(1, ${organizations}::int) g`);
      // Subsidy rates 20–80 %; every third award has only 10.00–39.99 of subsidy left.
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Allocation" ("id", "organizationId", "programmeId", "requestId", "validFrom",
                                  "validTo", "currency", "subsidyRateBps", "listValueMinor",
                                  "programmeShareMinor", "tenantShareMinor")
        SELECT ${tag} || '-award-' || g, ${tag} || '-org-' || g, ${programmeId},
               ${tag} || '-request-' || g, now() - interval '1 year', now() + interval '1 year',
               'EUR', 2000 + (g * 37) % 6001, s.share, s.share, 0
          FROM generate_series(1, ${organizations}::int) g,
               LATERAL (SELECT CASE WHEN g % 3 = 0 THEN 1000 + (g * 7919) % 3000
                                    ELSE 1000000000 END::bigint AS share) s`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "AllocationLine" ("id", "allocationId", "resourceClassId",
                                      "grantedUnitSeconds", "listPriceMinorPerHour")
        SELECT ${tag} || '-line-' || g || '-' || c, ${tag} || '-award-' || g, ${tag} || '-rc-' || c,
               1000000000000, rc."listPriceMinorPerHour"
          FROM generate_series(1, ${organizations}::int) g
          CROSS JOIN generate_series(1, ${classes}::int) c
          JOIN "ResourceClass" rc ON rc."id" = ${tag} || '-rc-' || c`);
      // Jobs of 1–8 units for 10 minutes to 24 hours, finished.
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Workload" ("id", "organizationId", "projectId", "allocationLineId",
                                "resourceClassId", "clusterId", "name", "quantity",
                                "walltimeSeconds", "spec", "status", "externalId",
                                "heldUnitSeconds", "consumedUnitSeconds", "placement",
                                "createdById", "updatedAt", "startedAt", "endedAt")
        SELECT ${tag} || '-job-' || g || '-' || c || '-' || j, ${tag} || '-org-' || g,
               ${tag} || '-project-' || g, ${tag} || '-line-' || g || '-' || c,
               ${tag} || '-rc-' || c, ${`${tag}-cluster`}, 'Bench job', q.units, 86400, '{}',
               'COMPLETED', g || '.' || c || '.' || j, q.units * 86400, q.units * q.seconds,
               '{}', ${user}, now(), q.started, q.started + make_interval(secs => q.seconds)
          FROM generate_series(1, ${organizations}::int) g
          CROSS JOIN generate_series(1, ${classes}::int) c
          CROSS JOIN generate_series(1, ${jobsPerLine}::int) j
          CROSS JOIN LATERAL (
            SELECT 1 + (g * 31 + c * 7 + j * 13) % 8 AS units,
                   600 + (g * 7919 + c * 104729 + j * 1299709) % 85800 AS seconds,
                   (${firstStart.toISOString()}::timestamptz AT TIME ZONE 'UTC')
                     + make_interval(secs => (g::bigint * 15485863 + c * 32452843 + j * 49979687) % (23 * 86400)) AS started
          ) q`);
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  const rows = await database.$queryRaw<
    { id: string; startedAt: Date; quantity: number; consumedUnitSeconds: bigint }[]
  >(Prisma.sql`
    SELECT "id", "startedAt", "quantity", "consumedUnitSeconds" FROM "Workload"
     WHERE "clusterId" = ${`${tag}-cluster`} ORDER BY "id"`);
  const jobs = rows.map((row, index): JobUsage => {
    const unitSeconds = Number(row.consumedUnitSeconds);
    return {
      workloadId: row.id,
      startedAt: row.startedAt,
      unitSeconds,
      quantity: row.quantity,
      // Every fourth job's backend reports energy: 600 W per unit.
      measuredEnergyMilliWh: index % 4 === 0 ? Math.round((unitSeconds * 600) / 3.6) : null,
    };
  });
  return {
    tag,
    programmeId,
    organizationIds: Array.from({ length: organizations }, (_, n) => `${tag}-org-${n + 1}`),
    jobs,
  };
}
