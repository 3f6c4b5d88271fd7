export type DependencyState = "up" | "down";

export interface HealthReport {
  /** "starting" until the queue consumer runs: a worker that cannot take jobs yet is not healthy. */
  status: "ok" | "unavailable" | "starting";
  postgres: DependencyState;
  redis: DependencyState;
}

export interface DependencyProbes {
  postgres: () => Promise<unknown>;
  redis: () => Promise<unknown>;
}

/** A probe that does not answer within the timeout counts as down: a hung dependency is down. */
async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DependencyState>((resolve) => {
    timer = setTimeout(() => resolve("down"), timeoutMs);
  });
  try {
    return await Promise.race([check().then((): DependencyState => "up"), timeout]);
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(
  probes: DependencyProbes,
  consuming: boolean,
  timeoutMs = 2_000,
): Promise<HealthReport> {
  const [postgres, redis] = await Promise.all([
    probe(probes.postgres, timeoutMs),
    probe(probes.redis, timeoutMs),
  ]);
  const status =
    postgres === "up" && redis === "up" ? (consuming ? "ok" : "starting") : "unavailable";
  return { status, postgres, redis };
}

export function healthStatusCode(report: HealthReport): 200 | 503 {
  return report.status === "ok" ? 200 : 503;
}
