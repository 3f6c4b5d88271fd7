import { UNSEEN_ACCRUAL_SECONDS } from "../../workloads/lifecycle/record-workloads-seen";
import type { LockedEndpoint } from "./lock-endpoint";

/**
 * Pure: the clock seconds that begin after `from` and by `to` — the second boundaries crossed
 * between them. Summed over back-to-back intervals it telescopes to the seconds between the first
 * and the last instant, so no part of a second is lost where one interval ends and the next begins
 * (flooring each interval on its own drops up to a second per observation: a quarter of the time
 * at a two-second sweep).
 */
export function secondsCrossed(from: Date, to: Date): number {
  return Math.max(0, Math.floor(to.getTime() / 1000) - Math.floor(from.getTime() / 1000));
}

/**
 * Pure: the replica unit-seconds to count between the endpoint's last observation and `at` — the
 * replicas last seen ready, for the time since (within the current hold's window only; an endpoint
 * holding nothing accrues nothing), never more than the hold covers. Applied at each observation
 * and, for the time since the last one, when the window is settled and in the live draft.
 *
 * Past the last observation they are counted only while the cluster may still report them, as a
 * running job is (accruingJobUsageOf): up to UNSEEN_ACCRUAL_SECONDS after it, so an endpoint whose
 * cluster went silent stops accruing within minutes instead of running on to its hold, and the
 * draft never counts more than settling the window would. An observation (`observed`: the cluster
 * reports the endpoint at `at`) counts the time since the last one whole, as a job seen again
 * counts its whole run.
 */
export function accruedUnitSeconds(
  endpoint: Pick<
    LockedEndpoint,
    | "leaseStartedAt"
    | "lastObservedAt"
    | "holdId"
    | "readyReplicas"
    | "quantity"
    | "heldUnitSeconds"
    | "observedUnitSeconds"
  >,
  at: Date,
  { observed = false }: { observed?: boolean } = {},
): bigint {
  if (!endpoint.leaseStartedAt || !endpoint.lastObservedAt || !endpoint.holdId) return 0n;
  const from =
    endpoint.lastObservedAt > endpoint.leaseStartedAt
      ? endpoint.lastObservedAt
      : endpoint.leaseStartedAt;
  const unseenUntil = new Date(endpoint.lastObservedAt.getTime() + UNSEEN_ACCRUAL_SECONDS * 1000);
  const to = observed || at < unseenUntil ? at : unseenUntil;
  const accrued = BigInt(endpoint.readyReplicas * endpoint.quantity * secondsCrossed(from, to));
  const room = endpoint.heldUnitSeconds - endpoint.observedUnitSeconds;
  return accrued < room ? accrued : room > 0n ? room : 0n;
}
