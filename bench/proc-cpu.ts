/**
 * CPU time by process, read from /proc (Linux; elsewhere every figure reads 0): what a benchmark's
 * processes — its own, the gateway's, the PostgreSQL server's backends, Redis — have used, so that
 * a report can say where the cycles went. The benchmarks take the difference around a phase.
 */
import { readFileSync, readdirSync } from "node:fs";

const TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux: one tick is 10 ms

/** User + system CPU time one process has used so far, in milliseconds (0 once it has ended). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return 0;
  }
}

/**
 * Every process whose command name is `name` (`postgres` for the server and each backend — their
 * titles change, their command name does not — or `redis-server`).
 */
export function pidsNamed(name: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) pids.push(Number(entry));
    } catch {
      // Gone since the listing.
    }
  }
  return pids;
}

/**
 * CPU time the PostgreSQL server's processes have used so far, in milliseconds (the server runs
 * on this machine in every setup the benchmarks know). A backend that ended between two readings
 * takes its time with it.
 */
export function postgresCpuMs(): number {
  return pidsNamed("postgres").reduce((total, pid) => total + processCpuMs(pid), 0);
}

/** Time all of the machine's cores have spent idle so far, in milliseconds (/proc/stat). */
export function machineIdleMs(): number {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/);
  // cpu user nice system idle iowait …: idle and iowait are the 4th and 5th numbers.
  return (Number(cpu[4]) + Number(cpu[5])) / TICKS_PER_MS;
}
