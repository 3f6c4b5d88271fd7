/**
 * CPU time the PostgreSQL server's processes have used so far, in milliseconds, read from /proc
 * (Linux; the server runs on this machine in every setup the benchmarks know). The probe takes
 * the difference around a phase to tell the database's share of a launch from the client's.
 */
import { readFileSync, readdirSync } from "node:fs";

const TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux: one tick is 10 ms

/** CPU time one process has used so far, in milliseconds (0 once it has ended). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return 0;
  }
}

/** Time all of the machine's cores have spent idle so far, in milliseconds (/proc/stat). */
export function machineIdleMs(): number {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/);
  // cpu user nice system idle iowait …: idle and iowait are the 4th and 5th numbers.
  return (Number(cpu[4]) + Number(cpu[5])) / TICKS_PER_MS;
}

export function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!command.startsWith("postgres") && !command.includes("/bin/postgres")) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading: its time is gone with it.
    }
  }
  return ticks / TICKS_PER_MS;
}
