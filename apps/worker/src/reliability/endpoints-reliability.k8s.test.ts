/**
 * Reliability of the worker's endpoint path against the real control plane of infra/k8s/up.sh
 * (issue 11, item 7 b–e; case a, the API server killed, is in packages/drivers). Each case prints
 * `RELIABILITY <case> lost=<n> doubled=<m> orphaned=<k>`, counted from the cluster itself: lost
 * is an endpoint short of its Deployment, Service or ready pods, doubled one with more than it
 * asked for, orphaned anything of this installation that no endpoint wants.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AppError,
  scaleEndpoint,
  scaleEndpointToZero,
  type DeployEndpointInput,
} from "@tessera/core";
import type { Database, EndpointStatus } from "@tessera/db";
import { endpointNameFor, QUOTA_NAME } from "@tessera/drivers";
import { eventually, type WorkerProcess } from "../../../../infra/test/worker-process";
import { MERGE_PATCH } from "../../../../packages/drivers/src/kubernetes/kube-client";
import {
  adminClients,
  removeTenants,
} from "../../../../packages/drivers/src/kubernetes/k8s-test-cluster";
import { deployTestEndpoint } from "../../../../packages/core/src/endpoints/endpoint-fixture";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";
import {
  census,
  createK8sEndpointWorld,
  lostDoubledOrphaned,
  startK8sWorker,
  type K8sEndpointWorld,
} from "./k8s-endpoint-world";

const HOUR = 3_600;
let isolated: IsolatedDatabase;
let database: Database;
const running: WorkerProcess[] = [];
const prefixes: string[] = [];
const slugs: string[] = [];
const admin = adminClients();

beforeAll(async () => {
  isolated = await createIsolatedDatabase("k8s_reliability");
  database = isolated.database;
});

// Each case starts its own workers on a queue prefix of its own and leaves none behind.
afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await removeTenants(slugs);
  await isolated?.close();
  for (const prefix of prefixes) await obliterateQueues(prefix);
});

async function worker(prefix: string): Promise<WorkerProcess> {
  const started = await startK8sWorker(isolated.url, prefix);
  running.push(started);
  return started;
}

function casePrefix(name: string): string {
  const prefix = testQueuePrefix(name);
  prefixes.push(prefix);
  return prefix;
}

async function world(options: Parameters<typeof createK8sEndpointWorld>[1] = {}) {
  const created = await createK8sEndpointWorld(database, { kind: "CPU", ...options });
  slugs.push(created.organizationSlug);
  return created;
}

const deploy = (setup: K8sEndpointWorld, overrides: Partial<DeployEndpointInput> = {}) =>
  deployTestEndpoint(setup, { minReplicas: 0, maxReplicas: 4, ...overrides }).then((r) => r.id);

/** Where each endpoint stands in the database: status, ready and desired replicas. */
async function rows(ids: readonly string[]) {
  const found = await database.endpoint.findMany({
    where: { workloadId: { in: [...ids] } },
    select: {
      workloadId: true,
      status: true,
      readyReplicas: true,
      desiredReplicas: true,
      statusReason: true,
    },
  });
  return new Map(found.map((row) => [row.workloadId, row]));
}

/** An endpoint has converged when its row says READY (or SCALED_TO_ZERO) with every replica ready. */
function converged(row: {
  status: EndpointStatus;
  readyReplicas: number;
  desiredReplicas: number;
}) {
  if (row.desiredReplicas === 0) return row.status === "SCALED_TO_ZERO";
  return row.status === "READY" && row.readyReplicas === row.desiredReplicas;
}

async function untilConverged(ids: readonly string[], workers: readonly WorkerProcess[]) {
  let last = "";
  try {
    await eventually(
      `${ids.length} endpoints to converge`,
      async () => {
        const current = await rows(ids);
        const behind = [...current.values()].filter((row) => !converged(row));
        last = JSON.stringify(behind.slice(0, 3));
        return current.size === ids.length && behind.length === 0 ? true : undefined;
      },
      200_000,
      500,
    );
  } catch (error) {
    const output = workers.map((w) => w.output().slice(-3_000)).join("\n---\n");
    throw new Error(`${(error as Error).message}; still behind: ${last}\n${output}`, {
      cause: error,
    });
  }
}

/**
 * Each time Tessera's own quota refused a pod of the namespace, as its FailedCreate events count
 * them (event uid → count): a repeated refusal raises its event's count.
 */
async function ownQuotaRefusals(setup: K8sEndpointWorld): Promise<Map<string, number>> {
  const events = await admin.core.listNamespacedEvent({
    namespace: setup.namespace,
    fieldSelector: "reason=FailedCreate",
  });
  return new Map(
    events.items
      .filter((event) => (event.message ?? "").includes(`exceeded quota: ${QUOTA_NAME},`))
      .map((event) => [event.metadata.uid ?? "", event.count ?? event.series?.count ?? 1]),
  );
}

/** The refusals in `after` that `before` did not have: new events, or events counted again. */
function newRefusals(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>) {
  return [...after].filter(([uid, count]) => count > (before.get(uid) ?? 0));
}

/** The cluster's pods settle a moment after the rows say ready (terminating pods go): waits for the census to match, then counts. */
async function settledCounts(setup: K8sEndpointWorld, wanted: Map<string, number>) {
  const counts = () =>
    census(database, [setup.namespace]).then((found) => lostDoubledOrphaned(wanted, found));
  return eventually(
    "the cluster to match the endpoints",
    async () => {
      const now = await counts();
      return now.lost + now.doubled + now.orphaned === 0 ? now : undefined;
    },
    60_000,
    500,
  ).catch(counts);
}

describe("the worker's endpoint path on the real control plane", () => {
  it("(b) converges every endpoint, none twice, nothing orphaned, while the worker is SIGKILLed during deploys and scale changes", async () => {
    const prefix = casePrefix("k8s_rel_b");
    const setup = await world();
    let current = await worker(prefix);
    const workers = [current];
    const crashAndRestart = async () => {
      await current.crash();
      current = await worker(prefix);
      workers.push(current);
    };

    const ids: string[] = [];
    const deploying = (async () => {
      for (let i = 0; i < 20; i += 1) {
        ids.push(await deploy(setup, { name: `crash ${i}` }));
        await sleep(150);
      }
    })();
    await sleep(1_500);
    await crashAndRestart();
    await deploying;
    await sleep(1_000);
    await crashAndRestart();

    // Every endpoint ready first, as a person scales what runs: a failed endpoint cannot be
    // scaled.
    await untilConverged(ids, workers);
    // Scale changes at once while the worker dies again: ten to two replicas and five to zero,
    // interleaved (each scale-up first), five stay. Tessera admits 25 replicas in the end; the
    // namespace's quota counts each endpoint's desired replicas, or the pods it still has when
    // more, so the scale-ups fit beside the scale-downs' pods while those leave, and Tessera's
    // own quota refuses no pod on the way.
    const refusalsBefore = await ownQuotaRefusals(setup);
    const changes = ids.slice(0, 10).flatMap((id, index) => {
      const up = () => scaleEndpoint(setup.tenant, setup.actor, { id, replicas: 2 });
      const down = ids[10 + index];
      return index < 5 && down
        ? [up, () => scaleEndpointToZero(setup.tenant, setup.actor, { id: down })]
        : [up];
    });
    const scaling = (async () => {
      for (const change of changes) {
        await change();
        await sleep(100);
      }
    })();
    await sleep(250);
    await crashAndRestart();
    await scaling;

    await untilConverged(ids, workers);
    const wanted = new Map(ids.map((id, index) => [id, index < 10 ? 2 : index < 15 ? 0 : 1]));
    const counts = await settledCounts(setup, wanted);
    const refused = newRefusals(refusalsBefore, await ownQuotaRefusals(setup));
    console.info(
      `RELIABILITY worker-sigkill endpoints=${ids.length} crashes=3 lost=${counts.lost} doubled=${counts.doubled} orphaned=${counts.orphaned} refused-by-own-quota=${refused.length}`,
    );
    expect(counts).toEqual({ lost: 0, doubled: 0, orphaned: 0 });
    expect(refused).toEqual([]);
    // Once the scale-downs' pods have gone the sweep shrinks the quota to what Tessera admitted.
    const quota = await eventually(
      "the quota to shrink to the 25 replicas admitted",
      async () => {
        const found = await admin.core.readNamespacedResourceQuota({
          name: QUOTA_NAME,
          namespace: setup.namespace,
        });
        return found.spec?.hard?.pods === "25" ? found : undefined;
      },
      60_000,
      500,
    );
    expect(quota.spec?.hard?.pods).toBe("25");
  }, 420_000);

  it("(c) repairs a Deployment deleted and one scaled behind Tessera's back", async () => {
    const setup = await world();
    const workers = [await worker(casePrefix("k8s_rel_c"))];
    const deleted = await deploy(setup, { name: "deleted behind its back" });
    const scaled = await deploy(setup, { name: "scaled behind its back" });
    await untilConverged([deleted, scaled], workers);

    const namespace = setup.namespace;
    await admin.apps.deleteNamespacedDeployment({
      name: endpointNameFor(deleted),
      namespace,
      propagationPolicy: "Background",
    });
    await admin.apps.patchNamespacedDeploymentScale(
      { name: endpointNameFor(scaled), namespace, body: { spec: { replicas: 3 } } },
      MERGE_PATCH,
    );

    await eventually(
      "both repairs to be recorded",
      async () => {
        const repairs = await database.workloadEvent.count({
          where: { workloadId: { in: [deleted, scaled] }, reason: "Repaired" },
        });
        return repairs >= 2 ? repairs : undefined;
      },
      90_000,
      500,
    );
    await untilConverged([deleted, scaled], workers);
    const audited = await database.auditEvent.findMany({
      where: { action: "endpoint.reapplied", targetId: { in: [deleted, scaled] } },
      select: { targetId: true },
    });
    expect(new Set(audited.map((event) => event.targetId))).toEqual(new Set([deleted, scaled]));
    const counts = await settledCounts(
      setup,
      new Map([
        [deleted, 1],
        [scaled, 1],
      ]),
    );
    console.info(
      `RELIABILITY drift-repaired lost=${counts.lost} doubled=${counts.doubled} orphaned=${counts.orphaned}`,
    );
    expect(counts).toEqual({ lost: 0, doubled: 0, orphaned: 0 });
  }, 300_000);

  it("(d) a deploy beyond quota changes nothing: no rows, no hold, no Deployment", async () => {
    // Two core-hours: one replica for the lease window fits, three do not.
    const setup = await world({ grantedUnitSeconds: BigInt(2 * HOUR) });
    const workers = [await worker(casePrefix("k8s_rel_d"))];
    const refused = await deploy(setup, { replicas: 3 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("PRECONDITION_FAILED");
    const line = await database.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    expect(line.heldUnitSeconds).toBe(0n);
    expect(await database.workload.count({ where: { organizationId: setup.organizationId } })).toBe(
      0,
    );

    // One that fits goes through the same worker: once it is READY the worker has relayed and
    // swept past the refusal, and the cluster holds that one endpoint and nothing else.
    const fits = await deploy(setup, { replicas: 1 });
    await untilConverged([fits], workers);
    expect(await database.endpoint.count({ where: { organizationId: setup.organizationId } })).toBe(
      1,
    );
    const counts = await settledCounts(setup, new Map([[fits, 1]]));
    console.info(
      `RELIABILITY beyond-quota lost=${counts.lost} doubled=${counts.doubled} orphaned=${counts.orphaned}`,
    );
    expect(counts).toEqual({ lost: 0, doubled: 0, orphaned: 0 });
  });

  it("(e) a namespace quota refusing what Tessera admitted is the endpoint's reason, not a silent hang", async () => {
    const setup = await world();
    const workers = [await worker(casePrefix("k8s_rel_e"))];
    const first = await deploy(setup, { name: "admitted and running" });
    await untilConverged([first], workers);

    // An operator caps the namespace by hand below what Tessera admitted. (Tessera's own
    // ResourceQuota is converged again on every deploy; a cap of the operator's is theirs.)
    await admin.core.createNamespacedResourceQuota({
      namespace: setup.namespace,
      body: {
        metadata: { name: "operator-cap", namespace: setup.namespace },
        spec: { hard: { pods: "1" } },
      },
    });
    const refused = await deploy(setup, { name: "refused by the namespace" });
    let last = "";
    const row = await eventually(
      "the refused endpoint to fail with the quota's reason",
      async () => {
        const found = (await rows([refused])).get(refused);
        last = JSON.stringify(found);
        return found?.status === "FAILED" ? found : undefined;
      },
      120_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last seen: ${last}`);
    });
    expect(row.statusReason).toMatch(/exceeded quota: operator-cap/);
    // A failed endpoint holds nothing.
    const held = await database.quotaHold.count({
      where: { reference: { startsWith: `endpoint:${refused}:` }, status: "ACTIVE" },
    });
    expect(held).toBe(0);
    expect((await rows([first])).get(first)?.status).toBe("READY");

    // The failed endpoint's Deployment is no one's now: the sweep removes it.
    const counts = await settledCounts(setup, new Map([[first, 1]]));
    console.info(
      `RELIABILITY namespace-quota-refusal reason="${row.statusReason}" lost=${counts.lost} doubled=${counts.doubled} orphaned=${counts.orphaned}`,
    );
    expect(counts).toEqual({ lost: 0, doubled: 0, orphaned: 0 });
  }, 300_000);
});
