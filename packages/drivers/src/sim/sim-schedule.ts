/** The simulated scheduler, as a pure function over the jobs that have not ended. */

export type SimState = "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";

export interface SimJobRow {
  id: string;
  resourceClassId: string;
  quantity: number;
  durationSeconds: number;
  walltimeSeconds: number;
  exitCode: number;
  state: "PENDING" | "RUNNING";
  reason: string | null;
  submittedAtMs: number;
  startedAtMs: number | null;
}

export interface SimJobChange {
  id: string;
  /** The state the change assumes; it is applied only if the row is still in it. */
  from: "PENDING" | "RUNNING";
  state: SimState;
  reason: string | null;
  startedAtMs: number | null;
  endedAtMs: number | null;
}

/** When a running job ends and how: its duration, cut at the walltime (then TIMEOUT). */
export function simEnd(job: Pick<SimJobRow, "durationSeconds" | "walltimeSeconds" | "exitCode">) {
  const timedOut = job.durationSeconds > job.walltimeSeconds;
  const runSeconds = timedOut ? job.walltimeSeconds : job.durationSeconds;
  if (timedOut) return { runSeconds, state: "FAILED" as const, reason: "TIMEOUT" };
  if (job.exitCode !== 0) return { runSeconds, state: "FAILED" as const, reason: "FAILED" };
  return { runSeconds, state: "COMPLETED" as const, reason: null };
}

/**
 * Pure: brings the cluster from its stored state up to `nowMs`. Events are replayed in time order:
 * a job that ends frees its units at its end time; a job no advance has seen yet (reason still
 * null) joins its class's queue at its submit time. After each event the pending jobs of a class
 * start, strictly first-in-first-out (a job never overtakes an earlier one of its class, so a big
 * job is not starved by small ones). Whatever still waits gets the scheduler's reason: the head
 * of each class's queue waits for `Resources`, the jobs behind it for `Priority`.
 *
 * `jobs` must be every PENDING and RUNNING job of the cluster; the result lists only changes.
 */
export function advanceSimulation(
  jobs: readonly SimJobRow[],
  capacity: ReadonlyMap<string, number>,
  nowMs: number,
): SimJobChange[] {
  type Live = SimJobRow & {
    endedAtMs: number | null;
    finalState: SimState;
    finalReason: string | null;
  };
  const live: Live[] = jobs.map((job) => ({
    ...job,
    endedAtMs: null,
    finalState: job.state,
    finalReason: job.reason,
  }));
  const byId = (a: Live, b: Live) => Number(a.id) - Number(b.id);
  const used = new Map<string, number>();
  const running: Live[] = [];
  const queues = new Map<string, Live[]>();
  const enqueue = (job: Live) => {
    const queue = queues.get(job.resourceClassId) ?? [];
    queue.push(job);
    queue.sort(byId);
    queues.set(job.resourceClassId, queue);
  };
  const arrivals: Live[] = [];
  for (const job of live) {
    if (job.state === "RUNNING") {
      running.push(job);
      used.set(job.resourceClassId, (used.get(job.resourceClassId) ?? 0) + job.quantity);
    } else if (job.reason === null) {
      arrivals.push(job);
    } else {
      enqueue(job);
    }
  }
  arrivals.sort((a, b) => a.submittedAtMs - b.submittedAtMs || byId(a, b));

  const endOf = (job: Live) => (job.startedAtMs ?? 0) + simEnd(job).runSeconds * 1000;

  const startWaiting = (atMs: number) => {
    for (const [classId, queue] of queues) {
      const limit = capacity.get(classId) ?? 0;
      while (queue.length > 0) {
        const head = queue[0]!;
        const inUse = used.get(classId) ?? 0;
        if (inUse + head.quantity > limit) break;
        queue.shift();
        used.set(classId, inUse + head.quantity);
        head.startedAtMs = Math.min(nowMs, Math.max(atMs, head.submittedAtMs));
        head.finalState = "RUNNING";
        head.finalReason = null;
        running.push(head);
      }
    }
  };

  for (;;) {
    let ending: Live | null = null;
    for (const job of running) {
      if (endOf(job) <= nowMs && (!ending || endOf(job) < endOf(ending))) ending = job;
    }
    const arrival = arrivals[0];
    const arrivalAt = arrival ? Math.min(arrival.submittedAtMs, nowMs) : Number.POSITIVE_INFINITY;
    if (!ending && !arrival) break;
    if (ending && endOf(ending) <= arrivalAt) {
      const end = simEnd(ending);
      ending.endedAtMs = endOf(ending);
      ending.finalState = end.state;
      ending.finalReason = end.reason;
      used.set(ending.resourceClassId, (used.get(ending.resourceClassId) ?? 0) - ending.quantity);
      running.splice(running.indexOf(ending), 1);
      startWaiting(ending.endedAtMs);
    } else if (arrival) {
      arrivals.shift();
      enqueue(arrival);
      startWaiting(arrivalAt);
    }
  }
  // Capacity freed by something other than an end (a cancel, a larger capacity) is used now.
  startWaiting(nowMs);
  for (const queue of queues.values()) {
    queue.forEach((job, index) => {
      job.finalReason = index === 0 ? "Resources" : "Priority";
    });
  }

  return live
    .filter((job) => job.finalState !== job.state || job.finalReason !== job.reason)
    .map((job) => ({
      id: job.id,
      from: job.state,
      state: job.finalState,
      reason: job.finalReason,
      startedAtMs: job.state === "PENDING" && job.finalState !== "PENDING" ? job.startedAtMs : null,
      endedAtMs: job.endedAtMs,
    }));
}
