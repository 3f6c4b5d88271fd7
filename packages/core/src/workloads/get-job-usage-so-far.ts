import { accruingJobUsageOf } from "../billing/accruing-job-usage";
import { periodBounds, periodOf } from "../billing/billing-period";
import { getInvoiceDraft } from "../billing/get-invoice-draft";
import { loadBillingCustomer } from "../billing/load-billing-customer";
import { notFound } from "../errors";
import { toSafeNumber } from "../programmes/money";
import { roleMay } from "../tenancy/permissions";
import type { TenantAccess } from "../tenancy/tenant-access";

export interface JobUsageSoFar {
  /** Unit-seconds the job has run so far, as billing counts them, not yet settled. */
  unitSeconds: number;
  /**
   * What they come to as Billing's charges so far price them, before VAT: each of the job's
   * accruing rows of the live draft (one per billing month it has run in) summed, so that the
   * figures are those Billing lists for the job, to the cent. Null for a role that may not read
   * billing.
   */
  cost: { currency: string; listMinor: number; programmeMinor: number; tenantMinor: number } | null;
  /**
   * Energy so far in milliwatt-hours, estimated from the class's power draw × the units × the time
   * so far, as Billing's charges so far estimate it (its records, written when the job ends, carry
   * the same estimate or a measurement). Shown to every role that may read the job.
   */
  energyMilliWh: number;
  computedAt: Date;
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

/**
 * A running training job's use so far and what it costs so far, not yet settled: its accruing
 * time as the live draft counts it (accruingJobUsageOf — units × time since it started, at the
 * price version in force when its current record began, split at its award's rate), read from
 * the draft itself (getInvoiceDraft) so that a job's page and Billing say the same cents. Null
 * when the job is not running, or has nothing accruing (no price in force, or already settled):
 * a settled job's figures are its own (consumedUnitSeconds). NOT_FOUND for a job of another
 * organisation.
 */
export async function getJobUsageSoFar(
  tenant: TenantAccess,
  workloadId: string,
  input: { sellerCountry: string; now?: Date },
): Promise<JobUsageSoFar | null> {
  const soFar = await getJobsUsageSoFar(tenant, [workloadId], input);
  return soFar.get(workloadId) ?? null;
}

/**
 * getJobUsageSoFar for several jobs at once — a page of the jobs list — from one reading of the
 * live draft (or, without billing, one reading of the running jobs' time), so each job's figures
 * are exactly those its own page gives at the same instant. Keyed by job id; a job not running,
 * or with nothing accruing, has no entry, and no draft is built when none of them runs. NOT_FOUND
 * when any id is not one of the organisation's training jobs.
 */
export async function getJobsUsageSoFar(
  tenant: TenantAccess,
  workloadIds: readonly string[],
  input: { sellerCountry: string; now?: Date },
): Promise<Map<string, JobUsageSoFar>> {
  const now = input.now ?? new Date();
  const ids = [...new Set(workloadIds)];
  const jobs = await tenant.db.workload.findMany({
    where: { id: { in: ids }, kind: "TRAINING_JOB" },
    select: { id: true, status: true },
  });
  if (jobs.length !== ids.length) throw notFound("Job");
  const running = new Set(jobs.filter((job) => job.status === "RUNNING").map((job) => job.id));
  const result = new Map<string, JobUsageSoFar>();
  if (running.size === 0) return result;
  const organizationId = tenant.organization.id;
  if (roleMay(tenant.role, "billing.read")) {
    const draft = await getInvoiceDraft(tenant.db, {
      organizationId,
      sellerCountry: input.sellerCountry,
      now,
      accruing: true,
    });
    for (const [jobId, rows] of rowsByJob(
      draft.accruing,
      (row) => ("jobId" in row ? row.jobId : null),
      running,
    ))
      result.set(jobId, {
        unitSeconds: toSafeNumber(sum(rows.map((row) => row.unitSeconds)), "quantity"),
        cost: {
          currency: draft.currency,
          listMinor: toSafeNumber(sum(rows.map((row) => row.listMinor))),
          programmeMinor: toSafeNumber(sum(rows.map((row) => row.programmeMinor))),
          tenantMinor: toSafeNumber(sum(rows.map((row) => row.tenantMinor))),
        },
        energyMilliWh: toSafeNumber(sum(rows.map((row) => row.energyMilliWh)), "quantity"),
        computedAt: now,
      });
    return result;
  }
  // Without billing: the same time so far, by the same reading, and no money.
  const customer = await loadBillingCustomer(tenant.db, organizationId);
  if (!customer) throw notFound("Organisation");
  const period = periodOf(now, customer.timeZone);
  const scope = {
    organizationId,
    period,
    bounds: periodBounds(period, customer.timeZone),
    timeZone: customer.timeZone,
  };
  const accruing = (await accruingJobUsageOf(tenant.db, [scope], now)).get(organizationId) ?? [];
  for (const [jobId, rows] of rowsByJob(accruing, (row) => row.jobId, running))
    result.set(jobId, {
      unitSeconds: toSafeNumber(sum(rows.map((row) => row.unitSeconds)), "quantity"),
      cost: null,
      energyMilliWh: toSafeNumber(sum(rows.map((row) => row.energyMilliWh)), "quantity"),
      computedAt: now,
    });
  return result;
}

/** The accruing rows of the given jobs (one per billing month each has run in), by job. */
function rowsByJob<Row>(
  rows: readonly Row[],
  jobOf: (row: Row) => string | null,
  jobIds: ReadonlySet<string>,
): Map<string, Row[]> {
  const byJob = new Map<string, Row[]>();
  for (const row of rows) {
    const jobId = jobOf(row);
    if (jobId !== null && jobIds.has(jobId)) byJob.set(jobId, [...(byJob.get(jobId) ?? []), row]);
  }
  return byJob;
}
