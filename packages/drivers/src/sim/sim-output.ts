/** How a simulated job ended, for its last log line. */
export type SimEnding = "COMPLETED" | "FAILED" | "TIMEOUT" | "CANCELLED";

export interface SimOutputJob {
  id: string;
  quantity: number;
  resourceClassCode: string;
  durationSeconds: number;
  walltimeSeconds: number;
  exitCode: number;
}

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
 * Pure: the log of a simulated training job after it has run `elapsedSeconds` — a start line, an
 * epoch line (loss falling) every duration/epochs seconds, and, once it has ended, a closing line.
 * The same inputs always give the same text, so the log only ever grows.
 */
export function simOutput(job: SimOutputJob, elapsedSeconds: number, ending: SimEnding | null) {
  const seed = seedOf(job.id);
  const epochs = simEpochs(job.durationSeconds);
  const perEpoch = job.durationSeconds / epochs;
  const node = `sim-node-${String((seed % 32) + 1).padStart(2, "0")}`;
  const lines = [
    `[sim] job ${job.id} started on ${node} with ${job.quantity} × ${job.resourceClassCode}`,
  ];
  const shown =
    ending === "COMPLETED" || ending === "FAILED"
      ? epochs
      : Math.min(epochs, Math.floor((elapsedSeconds + 1e-9) / perEpoch));
  const initialLoss = 2.2 + noise(seed, 0) * 0.8;
  for (let epoch = 1; epoch <= shown; epoch += 1) {
    const loss = initialLoss * Math.exp((-2.3 * epoch) / epochs) + 0.05 + noise(seed, epoch) * 0.04;
    const throughput = Math.round(job.quantity * (780 + noise(seed, epoch + 100) * 60));
    lines.push(
      `epoch ${epoch}/${epochs}  loss ${loss.toFixed(4)}  throughput ${throughput} samples/s`,
    );
  }
  if (ending === "COMPLETED") lines.push("[sim] training finished; exit 0");
  if (ending === "FAILED") {
    lines.push(`error: the training script stopped with exit code ${job.exitCode}`);
  }
  if (ending === "TIMEOUT") {
    lines.push(`[sim] time limit of ${job.walltimeSeconds} s reached; the job was stopped`);
  }
  if (ending === "CANCELLED") lines.push("[sim] job cancelled");
  return `${lines.join("\n")}\n`;
}
