/** How far back an endpoint's page charts its replicas. */
export const REPLICA_WINDOW_MS = 24 * 3_600_000;

/** The most changes the chart reads (the most recent), however often the replicas moved. */
export const MOST_REPLICA_CHANGES = 1_000;

export interface ReplicaCounts {
  at: Date;
  ready: number;
  desired: number;
}

/**
 * Replicas ready and wanted from `from` to `to`: the first point is what held at `from`, each
 * next one a change; the counts hold until the next point, the last one until `to`.
 */
export interface ReplicaHistory {
  from: Date;
  to: Date;
  /** True when `to` is now (the endpoint still lives); else `to` is when it ended. */
  live: boolean;
  points: ReplicaCounts[];
}

const same = (a: ReplicaCounts, b: ReplicaCounts) => a.ready === b.ready && a.desired === b.desired;

/**
 * Pure: an endpoint's replica history over the window ending at `to` (now, or when it ended),
 * from the samples the worker recorded — the last one before the window, and those in it, oldest
 * first. A sample that repeats the counts before it adds nothing (older installations recorded
 * one at every observation). A deleted endpoint runs nothing from when it was deleted. Null when
 * nothing was ever recorded.
 */
export function replicaHistory(input: {
  before: ReplicaCounts | null;
  inWindow: readonly ReplicaCounts[];
  windowStart: Date;
  to: Date;
  live: boolean;
  deleted: boolean;
  /** True when inWindow was cut at MOST_REPLICA_CHANGES: the window starts at its first. */
  cut: boolean;
}): ReplicaHistory | null {
  const { before, inWindow, to } = input;
  const start = !input.cut && before ? { ...before, at: input.windowStart } : inWindow[0];
  if (!start) return null;
  const points: ReplicaCounts[] = [start];
  for (const sample of inWindow) {
    const last = points[points.length - 1]!;
    if (sample.at.getTime() <= last.at.getTime()) {
      if (sample.at.getTime() === last.at.getTime()) points[points.length - 1] = sample;
      continue;
    }
    if (!same(sample, last)) points.push(sample);
  }
  const last = points[points.length - 1]!;
  if (input.deleted && (last.ready !== 0 || last.desired !== 0) && to > last.at) {
    points.push({ at: to, ready: 0, desired: 0 });
  }
  return { from: start.at, to: to > start.at ? to : start.at, live: input.live, points };
}
