/**
 * CPU time by process, read from /proc: what each part of a benchmark round cost, so a report
 * can say where the cycles went (Linux only; elsewhere every figure reads 0).
 */
import { pidsNamed, processCpuMs } from "../proc-cpu";

/** User + system CPU seconds of one process, 0 when it is gone or /proc is not there. */
function cpuSeconds(pid: number): number {
  return processCpuMs(pid) / 1000;
}

export type Parts = Record<string, () => number[]>;

/** The parts of a run, each a function giving its processes now (backends come and go). */
export function parts(pids: Record<string, number | undefined>): Parts {
  const result: Parts = {};
  for (const [name, pid] of Object.entries(pids)) {
    if (pid !== undefined) result[name] = () => [pid];
  }
  result.redis = () => pidsNamed("redis-server");
  result.postgres = () => pidsNamed("postgres");
  return result;
}

/** A reading of every part's CPU seconds, per process so that new backends start from zero. */
export function sample(of: Parts): Map<string, Map<number, number>> {
  const reading = new Map<string, Map<number, number>>();
  for (const [name, pids] of Object.entries(of)) {
    reading.set(name, new Map(pids().map((pid) => [pid, cpuSeconds(pid)])));
  }
  return reading;
}

/** CPU seconds each part spent between two readings. */
export function spent(
  before: Map<string, Map<number, number>>,
  after: Map<string, Map<number, number>>,
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, now] of after) {
    const then = before.get(name) ?? new Map<number, number>();
    let total = 0;
    for (const [pid, seconds] of now) total += seconds - (then.get(pid) ?? 0);
    result[name] = total;
  }
  return result;
}
