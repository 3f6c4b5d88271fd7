import type { SubmitRequest } from "@tessera/core";

/** The environment entry (set by the worker from the workload spec's `simSeconds`) that fixes how
 * long a simulated job runs. */
export const SIM_SECONDS_ENV = "TESSERA_SIM_SECONDS";

/**
 * How long a simulated job runs when the workload does not say: 20 seconds, or its walltime if
 * that is shorter — long enough to watch it queue, run and log in the portal, short enough for a
 * demo. A `simSeconds` above the walltime makes the job time out, as on a real cluster.
 */
export const DEFAULT_SIM_SECONDS = 20;
const MAX_SIM_SECONDS = 7 * 86_400;

/** Pure: the exit code a script ends with — its last command, when that is `exit N` (else 0). */
export function scriptExitCode(script: string): number {
  const lines = script
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const last = lines.at(-1) ?? "";
  const match = /^exit(?:\s+(\d{1,3}))?\s*;?$/.exec(last);
  if (!match) return 0;
  return Number(match[1] ?? 0) % 256;
}

/** Pure: the simulated run time of a request (see DEFAULT_SIM_SECONDS). */
export function simDurationSeconds(
  request: Pick<SubmitRequest, "environment" | "walltimeSeconds">,
): number {
  const given = request.environment[SIM_SECONDS_ENV]?.trim();
  if (given && /^\d+$/.test(given)) {
    const seconds = Number(given);
    if (seconds >= 1) return Math.min(seconds, MAX_SIM_SECONDS);
  }
  return Math.max(1, Math.min(request.walltimeSeconds, DEFAULT_SIM_SECONDS));
}
