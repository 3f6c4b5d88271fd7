import type { UnbilledScope } from "./aggregate-usage";
import { accruingEndpointUsageOf } from "./accruing-endpoint-usage";
import { accruingJobUsageOf } from "./accruing-job-usage";
import type { AccruingWindow } from "./price-accruing-windows";
import type { SqlClient } from "./sql-client";

/**
 * Everything accruing up to `now` for each organisation, not yet settled: its endpoints' open
 * windows (accruingEndpointUsageOf), then its running jobs (accruingJobUsageOf). Every scope gets
 * an entry.
 *
 * Call it only after reading the settled records: each reading leaves out what already has its
 * record, so a window or job settling between the settled read and this one is missing from one
 * refresh, never counted twice. The two readings cover different workloads (endpoints, training
 * jobs) and neither depends on the other, so their order between themselves changes nothing; each
 * only has to start after the settled read has returned. They run one after the other: the client
 * may be a transaction's single connection.
 */
export async function accruingUsageOf(
  client: SqlClient,
  scopes: readonly UnbilledScope[],
  now: Date,
): Promise<Map<string, AccruingWindow[]>> {
  const windows = await accruingEndpointUsageOf(client, scopes, now);
  const jobs = await accruingJobUsageOf(client, scopes, now);
  return new Map(
    scopes.map(({ organizationId }) => [
      organizationId,
      [...(windows.get(organizationId) ?? []), ...(jobs.get(organizationId) ?? [])],
    ]),
  );
}
