/** How a simulated job ended, for its last log line. */
export type SimEnding = "COMPLETED" | "FAILED" | "TIMEOUT" | "CANCELLED";

export interface SimOutputJob {
  id: string;
  quantity: number;
  resourceClassCode: string;
  durationSeconds: number;
  walltimeSeconds: number;
  exitCode: number;
  /** The lines its script echoes, read off it (scriptEchoLines), one a line; "" for none. */
  scriptEcho: string;
}

/**
 * The first line of every simulated log: the simulated cluster runs nothing, so nobody should take
 * its lines for their program's.
 */
export const SIM_NOTICE =
  "[sim] Simulated output: the simulated cluster does not run your script or command. A real cluster shows your job's own output here.";

/** Small deterministic noise so each job's curve looks its own. */
function noise(seed: number, step: number): number {
  const x = Math.sin(seed * 12.9898 + step * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function seedOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash;
}

/** Pure: how many epochs a simulated job of this length logs (one every couple of seconds, ≤ 20). */
export function simEpochs(durationSeconds: number): number {
  return Math.min(20, Math.max(1, Math.ceil(durationSeconds / 2)));
}

/**
 * Pure: the log of a simulated job after it has run `elapsedSeconds`: the notice that it is
 * simulated, a start line, then the job's lines spread over its run, and, once it has ended, a
 * closing line. A job whose script echoes literal lines shows those, in order, and ends with the
 * script's exit code; any other job shows made-up training epochs (loss falling), said to be so.
 * The same inputs always give the same text, so the log only ever grows.
 */
export function simOutput(job: SimOutputJob, elapsedSeconds: number, ending: SimEnding | null) {
  const seed = seedOf(job.id);
  const node = `sim-node-${String((seed % 32) + 1).padStart(2, "0")}`;
  const echoed = job.scriptEcho === "" ? [] : job.scriptEcho.split("\n");
  const lines = [
    SIM_NOTICE,
    echoed.length > 0
      ? "[sim] Below are the lines your script echoes, as written in it, and its exit code."
      : "[sim] The training lines below are made up to show how a running job looks.",
    `[sim] job ${job.id} started on ${node} with ${job.quantity} × ${job.resourceClassCode}`,
  ];
  const steps = echoed.length > 0 ? echoed.length : simEpochs(job.durationSeconds);
  const perStep = job.durationSeconds / steps;
  const shown =
    ending === "COMPLETED" || ending === "FAILED"
      ? steps
      : Math.min(steps, Math.floor((elapsedSeconds + 1e-9) / perStep));
  if (echoed.length > 0) lines.push(...echoed.slice(0, shown));
  const initialLoss = 2.2 + noise(seed, 0) * 0.8;
  for (let epoch = 1; echoed.length === 0 && epoch <= shown; epoch += 1) {
    const loss = initialLoss * Math.exp((-2.3 * epoch) / steps) + 0.05 + noise(seed, epoch) * 0.04;
    const throughput = Math.round(job.quantity * (780 + noise(seed, epoch + 100) * 60));
    lines.push(
      `epoch ${epoch}/${steps}  loss ${loss.toFixed(4)}  throughput ${throughput} samples/s`,
    );
  }
  if (ending === "COMPLETED") lines.push("[sim] job finished; exit 0");
  if (ending === "FAILED") lines.push(`[sim] job failed with exit code ${job.exitCode}`);
  if (ending === "TIMEOUT") {
    lines.push(`[sim] time limit of ${job.walltimeSeconds} s reached; the job was stopped`);
  }
  if (ending === "CANCELLED") lines.push("[sim] job cancelled");
  return `${lines.join("\n")}\n`;
}
