/**
 * Endpoints benchmark, on the real Kubernetes control plane of infra/k8s/up.sh: N inference
 * endpoints deployed through Tessera's API — the tRPC `endpoints.deploy` procedure (placement,
 * hold, rows, audit and outbox event) → the outbox relay → the worker's endpoints queue → the
 * Kubernetes driver (tenant namespace and quota, Deployment and Service by server-side apply) →
 * the sweep that reads the cluster and writes READY — timed until every one is READY in the
 * database, against applying the same N Deployments and Services directly with client-node and
 * waiting until every Deployment is Available, in the same run. Prints last:
 *
 *   RESULT endpoints ratio=<direct seconds ÷ ours> lost=<n> doubled=<m> …
 *
 * lost = endpoints not READY with their Deployment, Service and ready pod; doubled = endpoints
 * with more than one Deployment, Service or pod than asked for (counted from the cluster). Brings
 * the control plane up when it does not answer (and down again at the end if it did so), runs on
 * its own database (tessera_bench_endpoints), queue prefix and namespaces, and removes them.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { createCaller, createContext } from "@tessera/api";
import { serverEnv } from "@tessera/config";
import { createDatabase, type Database } from "@tessera/db";
import type { EndpointSpec } from "@tessera/core";
import { endpointObjects, namespaceFor } from "../../packages/drivers/src/kubernetes/k8s-objects";
import { deploy as migrate } from "../../packages/db/scripts/migrate";
import {
  adminClients,
  K8S_HOME,
  WORKER_KUBECONFIG,
} from "../../packages/drivers/src/kubernetes/k8s-test-cluster";
import { SERVER_SIDE_APPLY } from "../../packages/drivers/src/kubernetes/kube-client";
import {
  census,
  createK8sEndpointWorld,
  lostDoubledOrphaned,
  startK8sWorker,
} from "../../apps/worker/src/reliability/k8s-endpoint-world";
import type { WorkerProcess } from "../../infra/test/worker-process";
import { dropBenchDatabase, removePrefix, withDatabase } from "../bench-stores";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 100);
/** Requests in flight on each side: the API's clients, the direct applier's. */
const CLIENTS = 8;
const CONCURRENCY = 8;
const SETTLE_TIMEOUT_MS = Number(process.env.BENCH_SETTLE_MS ?? 300_000);
const DATABASE = "tessera_bench_endpoints";

function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

async function controlPlaneAnswers(): Promise<boolean> {
  if (!existsSync(WORKER_KUBECONFIG) || !existsSync(`${K8S_HOME}/admin.kubeconfig`)) return false;
  try {
    await adminClients().core.listNamespace({ limit: 1 });
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next]!;
        next += 1;
        await work(item);
      }
    }),
  );
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

/** The same Deployments and Services as Tessera makes, applied with client-node and awaited Available. */
async function runDirect(namespace: string, specs: readonly EndpointSpec[]): Promise<number> {
  const admin = adminClients();
  await admin.core.createNamespace({ body: { metadata: { name: namespace } } });
  const apply = { namespace, fieldManager: "bench-direct", force: true };
  const started = performance.now();
  await pool(specs, CONCURRENCY, async (spec) => {
    const objects = endpointObjects("bench-direct", spec);
    const name = String((objects.deployment.metadata as { name: string }).name);
    await admin.core.patchNamespacedService(
      { ...apply, name, body: objects.service },
      SERVER_SIDE_APPLY,
    );
    await admin.apps.patchNamespacedDeployment(
      { ...apply, name, body: objects.deployment },
      SERVER_SIDE_APPLY,
    );
  });
  await until("the direct Deployments to be Available", async () => {
    const { items } = await admin.apps.listNamespacedDeployment({ namespace });
    const available = items.filter((deployment) =>
      deployment.status?.conditions?.some(
        (condition) => condition.type === "Available" && condition.status === "True",
      ),
    );
    return available.length === specs.length;
  });
  return (performance.now() - started) / 1000;
}

async function runOurs(
  database: Database,
  world: Awaited<ReturnType<typeof createK8sEndpointWorld>>,
): Promise<{ seconds: number; ids: string[] }> {
  const user = await database.user.findUniqueOrThrow({ where: { id: world.userId } });
  const caller = createCaller(
    createContext({
      headers: new Headers({ "user-agent": "tessera-bench" }),
      user: { id: user.id, email: user.email, name: user.name, platformRoles: [] },
      database,
    }),
  );
  const ids: string[] = [];
  const started = performance.now();
  await pool(
    Array.from({ length: ENDPOINTS }, (_, n) => n),
    CLIENTS,
    async (n) => {
      const endpoint = await caller.endpoints.deploy({
        organizationId: world.organizationId,
        name: `Bench ${n}`,
        projectId: world.projectId,
        allocationLineId: world.allocationLineId,
        modelId: world.modelId,
        runtimeId: world.runtimeId,
        unitsPerReplica: 1,
        minReplicas: 0,
        maxReplicas: 1,
        replicas: 1,
        idleSecondsBeforeZero: null,
      });
      ids.push(endpoint.id);
    },
  );
  progress(`  accepted ${ids.length} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  // One not READY by the deadline is counted lost below, not fatal here.
  await until("every endpoint READY", async () => {
    const ready = await database.endpoint.count({
      where: { workloadId: { in: ids }, status: "READY" },
    });
    return ready === ids.length;
  }).catch((error: Error) => progress(error.message));
  const seconds = (performance.now() - started) / 1000;
  progress(`  ${await phases(database, ids)}`);
  return { seconds, ids };
}

/**
 * Where the time went, from the endpoints' own timelines: when the last one was accepted (API),
 * applied on the cluster (DEPLOYING: relay, queue, tenant and apply) and seen READY (the sweep),
 * in seconds after the first was accepted, with the median wait of each step.
 */
async function phases(database: Database, ids: readonly string[]): Promise<string> {
  const events = await database.workloadEvent.findMany({
    where: {
      workloadId: { in: [...ids] },
      endpointStatus: { in: ["ACCEPTED", "DEPLOYING", "READY"] },
    },
    select: { workloadId: true, endpointStatus: true, createdAt: true },
  });
  const at = new Map<string, Partial<Record<string, number>>>();
  for (const event of events) {
    const times = at.get(event.workloadId) ?? {};
    times[event.endpointStatus!] ??= event.createdAt.getTime();
    at.set(event.workloadId, times);
  }
  const all = [...at.values()];
  const first = Math.min(...all.map((t) => t.ACCEPTED ?? Infinity));
  const last = (step: string) =>
    ((Math.max(...all.map((t) => t[step] ?? 0)) - first) / 1000).toFixed(1);
  const median = (from: string, to: string) => {
    const waits = all
      .filter((t) => t[from] !== undefined && t[to] !== undefined)
      .map((t) => t[to]! - t[from]!)
      .sort((a, b) => a - b);
    return ((waits[Math.floor(waits.length / 2)] ?? 0) / 1000).toFixed(2);
  };
  return `last accepted ${last("ACCEPTED")} s, last applied ${last("DEPLOYING")} s, last READY ${last("READY")} s; median accepted→applied ${median("ACCEPTED", "DEPLOYING")} s, applied→READY ${median("DEPLOYING", "READY")} s`;
}

async function main(): Promise<void> {
  const env = serverEnv();
  let startedControlPlane = false;
  if (!(await controlPlaneAnswers())) {
    progress("the Kubernetes control plane does not answer: bash infra/k8s/up.sh");
    const { stdout } = await run("bash", [`${root}infra/k8s/up.sh`], {
      env: { ...process.env, DATABASE_URL: "" },
      maxBuffer: 16 * 1024 * 1024,
    });
    const last = stdout.trim().split("\n").at(-1) ?? "";
    if (!last.startsWith("K8S_READY")) throw new Error(`infra/k8s/up.sh said: ${last}`);
    startedControlPlane = true;
  }
  const suffix = randomBytes(4).toString("hex");
  const prefix = `bench_endpoints_${suffix}`;
  const directSlug = `bench-direct-${suffix}`;
  const directNamespace = namespaceFor(directSlug);
  const databaseUrl = withDatabase(env.DATABASE_URL, DATABASE);
  progress("fixture: database, organisation, Kubernetes cluster record, allocation");
  await dropBenchDatabase(env.DATABASE_URL, DATABASE);
  await migrate(databaseUrl);
  const database = createDatabase(databaseUrl, 16);
  const world = await createK8sEndpointWorld(database, {
    kind: "CPU",
    // Any simulated node: N one-core replicas do not fit the CPU pool alone.
    nodeSelector: {},
    capacity: 100_000,
    grantedUnitSeconds: BigInt(ENDPOINTS * 3_600 * 4),
  });
  const admin = adminClients();
  let worker: WorkerProcess | undefined;
  try {
    worker = await startK8sWorker(databaseUrl, prefix, {
      WORKER_CONCURRENCY: String(CONCURRENCY),
      WORKER_POLL_MS: process.env.BENCH_POLL_MS ?? "1000",
      RECONCILE_EVERY_MS: "10000",
      LOG_LEVEL: "warn",
    });
    progress(`${ENDPOINTS} endpoints, one worker process × concurrency ${CONCURRENCY}`);

    const specs: EndpointSpec[] = Array.from({ length: ENDPOINTS }, (_, n) => ({
      workloadId: `bench${suffix}${String(n).padStart(4, "0")}`,
      organizationId: world.organizationId,
      slug: directSlug,
      displayName: `Bench ${n}`,
      image: "registry.tessera.test/serving/sim:1",
      args: ["--model", world.modelName],
      modelName: world.modelName,
      port: 8000,
      healthPath: "/health",
      replicas: 1,
      acceleratorResource: null,
      acceleratorCount: 0,
      resourceClassCode: "cpu-core",
      unitsPerReplica: 1,
      cpu: "1",
      memory: "4Gi",
      nodeSelector: {},
    }));
    const directSeconds = await runDirect(directNamespace, specs);
    progress(`direct: ${ENDPOINTS} Available in ${directSeconds.toFixed(2)} s`);
    // The direct side's pods leave before ours start: both sides get the same empty nodes.
    await admin.core.deleteNamespace({ name: directNamespace });
    await until("the direct namespace to go", async () => {
      const { items } = await admin.core.listNamespace();
      return !items.some((namespace) => namespace.metadata?.name === directNamespace);
    });

    const ours = await runOurs(database, world);
    progress(`ours: ${ENDPOINTS} READY in ${ours.seconds.toFixed(2)} s`);
    const counts = lostDoubledOrphaned(
      new Map(ours.ids.map((id) => [id, 1])),
      await census(database, [world.namespace]),
    );
    const notReady =
      ENDPOINTS -
      (await database.endpoint.count({ where: { workloadId: { in: ours.ids }, status: "READY" } }));
    const lost = Math.max(counts.lost, notReady);
    console.info(
      `RESULT endpoints ratio=${(directSeconds / ours.seconds).toFixed(3)} lost=${lost} doubled=${counts.doubled} orphaned=${counts.orphaned} direct_s=${directSeconds.toFixed(2)} ours_s=${ours.seconds.toFixed(2)} n=${ENDPOINTS}`,
    );
  } finally {
    await worker?.stop();
    await Promise.all(
      [directNamespace, world.namespace].map((name) =>
        admin.core.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
    await database.$disconnect();
    await removePrefix(env.REDIS_URL, prefix);
    await dropBenchDatabase(env.DATABASE_URL, DATABASE).catch((error: unknown) => {
      console.error(`could not drop the benchmark database: ${String(error)}`);
    });
    if (startedControlPlane) await run("bash", [`${root}infra/k8s/down.sh`]);
  }
}

await main();
