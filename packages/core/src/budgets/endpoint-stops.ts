import { endpointHoldUnitSeconds } from "../endpoints/endpoint-rules";
import { secondsCrossed } from "../endpoints/lifecycle/accrued-unit-seconds";

/** Something the month's projection runs on, with what an endpoint's renewals need. */
export interface RenewalRow {
  kind: "ENDPOINT" | "TRAINING_JOB";
  workloadId: string;
  /** Units running now: an endpoint's ready replicas × units per replica. */
  units: number;
  /** Projected to run until (the month's end): a stop at or after it is not the month's. */
  until: Date;
  allocationLineId: string | null;
  /** The line's granted − consumed − held: what new holds may still take. */
  lineRemaining: bigint | null;
  /** When the allocation it draws on ends: no hold is placed at or after it. */
  allocationEnds: Date | null;
  /** An endpoint's: its current window's hold, and when the window began. */
  holdUnitSeconds: bigint | null;
  leaseStartedAt: Date | null;
  /** An endpoint's: its lease window, and the replicas × units per replica a window is held for. */
  leaseSeconds: number | null;
  desiredReplicas: number | null;
  unitsPerReplica: number | null;
  /** An endpoint's: the unit-seconds counted in its window so far, and from when it counts on. */
  observedUnitSeconds: bigint | null;
  countedFrom: Date | null;
}

export interface EndpointStop {
  /** When Tessera scales it to zero: the renewal that could not hold another window. */
  at: Date;
  /** The line could not cover a whole window, or the allocation had ended. */
  reason: "QUOTA" | "ALLOCATION_END";
}

interface Renewing {
  row: RenewalRow;
  units: bigint;
  /** A whole window's hold, taken at each renewal. */
  window: bigint;
  halfWindowMs: number;
  /** The next renewal, in epoch milliseconds. */
  dueMs: number;
  /** The current window: its hold, what was counted in it before `countedFrom`, and since when. */
  held: bigint;
  counted: bigint;
  countedFrom: Date;
}

/** Earliest due first; at the same instant in id order, as the worker's sweep pages endpoints. */
function nextDue(renewing: readonly Renewing[]): Renewing | undefined {
  let next: Renewing | undefined;
  for (const endpoint of renewing) {
    if (
      !next ||
      endpoint.dueMs < next.dueMs ||
      (endpoint.dueMs === next.dueMs && endpoint.row.workloadId < next.row.workloadId)
    ) {
      next = endpoint;
    }
  }
  return next;
}

/**
 * When an endpoint's next lease window begins: the renewal of its hold once half of this window
 * has passed (renewEndpointHold), or now when that is overdue (the worker's next sweep is not
 * before now). Null for an endpoint holding no window.
 */
export function nextWindowAt(
  row: Pick<RenewalRow, "leaseStartedAt" | "leaseSeconds">,
  now: Date,
): Date | null {
  if (!row.leaseStartedAt || row.leaseSeconds === null || row.leaseSeconds <= 0) return null;
  return new Date(Math.max(row.leaseStartedAt.getTime() + row.leaseSeconds * 500, now.getTime()));
}

function renewingOf(row: RenewalRow, nowMs: number): Renewing | null {
  const { leaseStartedAt, leaseSeconds, desiredReplicas, unitsPerReplica } = row;
  if (
    !leaseStartedAt ||
    leaseSeconds === null ||
    leaseSeconds <= 0 ||
    desiredReplicas === null ||
    unitsPerReplica === null
  ) {
    return null;
  }
  const halfWindowMs = leaseSeconds * 500;
  return {
    row,
    units: BigInt(row.units),
    window: BigInt(endpointHoldUnitSeconds(desiredReplicas, unitsPerReplica, leaseSeconds)),
    halfWindowMs,
    dueMs: nextWindowAt(row, new Date(nowMs))!.getTime(),
    held: row.holdUnitSeconds ?? 0n,
    counted: row.observedUnitSeconds ?? 0n,
    countedFrom: row.countedFrom ?? leaseStartedAt,
  };
}

/**
 * Pure: when each running endpoint stops before its `until`, and why — replaying, in time order
 * and per allocation line, the renewals that the worker's endpoint sweep makes (renewEndpointHold,
 * run on every sweep, every WORKER_POLL_MS — 2 s by default — once half the window has passed;
 * modelled at exactly half-time). At each renewal the window's hold is settled to the unit-seconds
 * counted in it (reholdEndpoint: observed + the ready replicas since, secondsCrossed, never more
 * than the hold) and the rest released into the line; then a new hold of a whole window
 * (endpointHoldUnitSeconds of the desired replicas) is placed from `now`, admitted only while the
 * allocation is valid (placeHold: `now() < validTo`) and the line covers it whole. If it is
 * refused, the endpoint holds nothing and is scaled to zero at that renewal: at the first renewal
 * at or after the allocation's end (reported as ALLOCATION_END, as explainRefusedHold names the
 * expiry first), or at the first one where the line, with the release, has less than a window
 * left (QUOTA). The endpoints of one line renew each at its own time and draw on what the others
 * left; they are assumed to run on at their current units. An endpoint past its `until` still
 * renews (it runs on after the month), but only stops before its `until` are returned. A running
 * job needs nothing more: its whole walltime is held already. Endpoint id → its stop.
 */
export function endpointStops(rows: readonly RenewalRow[], now: Date): Map<string, EndpointStop> {
  const byLine = new Map<string, RenewalRow[]>();
  for (const row of rows) {
    if (row.kind !== "ENDPOINT" || !row.allocationLineId || row.lineRemaining === null) continue;
    byLine.set(row.allocationLineId, [...(byLine.get(row.allocationLineId) ?? []), row]);
  }
  const stops = new Map<string, EndpointStop>();
  for (const endpoints of byLine.values()) {
    const horizonMs = Math.max(...endpoints.map((row) => row.until.getTime()));
    let left = endpoints[0]!.lineRemaining! > 0n ? endpoints[0]!.lineRemaining! : 0n;
    const renewing = endpoints.flatMap((row) => renewingOf(row, now.getTime()) ?? []);
    for (;;) {
      const endpoint = nextDue(renewing);
      if (!endpoint || endpoint.dueMs >= horizonMs) break;
      const at = new Date(endpoint.dueMs);
      const counted =
        endpoint.counted + endpoint.units * BigInt(secondsCrossed(endpoint.countedFrom, at));
      left += endpoint.held - (counted < endpoint.held ? counted : endpoint.held);
      const ends = endpoint.row.allocationEnds;
      const reason =
        ends !== null && at.getTime() >= ends.getTime()
          ? "ALLOCATION_END"
          : left < endpoint.window
            ? "QUOTA"
            : null;
      if (reason) {
        renewing.splice(renewing.indexOf(endpoint), 1);
        if (at.getTime() < endpoint.row.until.getTime()) {
          stops.set(endpoint.row.workloadId, { at, reason });
        }
        continue;
      }
      left -= endpoint.window;
      endpoint.held = endpoint.window;
      endpoint.counted = 0n;
      endpoint.countedFrom = at;
      endpoint.dueMs += endpoint.halfWindowMs;
    }
  }
  return stops;
}
