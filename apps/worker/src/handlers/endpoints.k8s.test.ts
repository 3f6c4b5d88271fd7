/**
 * The worker's endpoint path end to end on the real control plane of infra/k8s/up.sh: requests
 * made as the portal makes them (core's deployEndpoint, scaleEndpoint, …), a worker process
 * relaying them and sweeping, and the cluster read back as an administrator. Prints its lost,
 * doubled and orphaned counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteEndpoint, scaleEndpoint, scaleEndpointToZero, wakeEndpoint } from "@tessera/core";
import type { Database, EndpointStatus } from "@tessera/db";
import { QUOTA_NAME } from "../../../../packages/drivers/src/kubernetes/k8s-objects";
import { eventually, type WorkerProcess } from "../../../../infra/test/worker-process";
import {
  adminClients,
  removeTenants,
} from "../../../../packages/drivers/src/kubernetes/k8s-test-cluster";
import { deployTestEndpoint } from "../../../../packages/core/src/endpoints/endpoint-fixture";
import {
  census,
  createK8sEndpointWorld,
  lostDoubledOrphaned,
  startK8sWorker,
} from "../reliability/k8s-endpoint-world";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";

const HOUR = 3_600;
let isolated: IsolatedDatabase;
let database: Database;
let worker: WorkerProcess | undefined;
const prefix = testQueuePrefix("k8s_endpoints");
const slugs: string[] = [];

beforeAll(async () => {
  isolated = await createIsolatedDatabase("k8s_endpoints");
  database = isolated.database;
  worker = await startK8sWorker(isolated.url, prefix);
});

afterAll(async () => {
  await worker?.stop();
  await removeTenants(slugs);
  await isolated?.close();
  await obliterateQueues(prefix);
});

const endpointRow = (id: string) =>
  database.endpoint.findUniqueOrThrow({ where: { workloadId: id } });

/** Waits for the endpoint's row to reach `status` with `ready` replicas, saying where it stood. */
async function until(id: string, status: EndpointStatus, ready: number) {
  let last = "";
  try {
    return await eventually(
      `endpoint ${status} with ${ready} ready`,
      async () => {
        const row = await endpointRow(id);
        last = `${row.status} ${row.readyReplicas}/${row.desiredReplicas} ${row.statusReason ?? ""}`;
        return row.status === status && row.readyReplicas === ready ? row : undefined;
      },
      90_000,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${last}\n${worker?.output() ?? ""}`, {
      cause: error,
    });
  }
}

describe("endpoints through the worker on the real control plane", () => {
  it("deploys to READY pods on the simulated nodes, scales, goes to zero, wakes and deletes leaving nothing", async () => {
    const world = await createK8sEndpointWorld(database, { kind: "GPU" });
    slugs.push(world.organizationSlug);
    const admin = adminClients();
    const { namespace } = world;
    const line = () =>
      database.allocationLine.findUniqueOrThrow({ where: { id: world.allocationLineId } });

    // Counted at every step from the cluster itself; summed for the printed line.
    const totals = { lost: 0, doubled: 0, orphaned: 0 };
    const tally = async (wanted: Map<string, number>) => {
      const seen = await census(database, [namespace]);
      const counts = lostDoubledOrphaned(wanted, seen);
      totals.lost += counts.lost;
      totals.doubled += counts.doubled;
      totals.orphaned += counts.orphaned;
      return seen;
    };

    const { id } = await deployTestEndpoint(world, { replicas: 2 });
    const ready = await until(id, "READY", 2);
    expect(ready.externalId).toBe(`${namespace}/ep-${id}`);
    let found = await tally(new Map([[id, 2]]));
    expect(found.perWorkload.get(id)).toEqual({
      deployments: 1,
      services: 1,
      pods: 2,
      ready: 2,
      replicas: 2,
    });
    // Bound by the real scheduler to the H100 node the class's selector names.
    expect(found.nodes).toEqual(["kwok-h100-0", "kwok-h100-0"]);
    const quota = await admin.core.readNamespacedResourceQuota({ name: QUOTA_NAME, namespace });
    expect(quota.spec?.hard?.["requests.nvidia.com/gpu"]).toBe("2");

    await scaleEndpoint(world.tenant, world.actor, { id, replicas: 3 });
    await until(id, "READY", 3);
    found = await tally(new Map([[id, 3]]));
    expect(found.perWorkload.get(id)).toMatchObject({ deployments: 1, pods: 3, replicas: 3 });

    // A new runtime image rolls the pods over while the endpoint scales down: the namespace's
    // quota is exactly what is admitted, so the rollout must never need a pod more than that.
    const image = `registry.tessera.test/serving/sim:2-${id.slice(-6)}`;
    await database.servingRuntime.update({ where: { id: world.runtimeId }, data: { image } });
    await scaleEndpoint(world.tenant, world.actor, { id, replicas: 2 });
    const images = await eventually(
      "every pod on the new image",
      async () => {
        const { items } = await admin.core.listNamespacedPod({ namespace });
        const live = items.filter((pod) => !pod.metadata?.deletionTimestamp);
        const ready = live.filter(
          (pod) => pod.status?.conditions?.find((c) => c.type === "Ready")?.status === "True",
        );
        const onNew = ready.filter((pod) => pod.spec?.containers[0]?.image === image);
        return live.length === 2 && onNew.length === 2 ? live.length : undefined;
      },
      90_000,
    );
    expect(images).toBe(2);
    await until(id, "READY", 2);
    await tally(new Map([[id, 2]]));

    await scaleEndpointToZero(world.tenant, world.actor, { id });
    await until(id, "SCALED_TO_ZERO", 0);
    expect((await line()).heldUnitSeconds).toBe(0n);
    await eventually(
      "the pods to go",
      async () => {
        const objects = (await census(database, [namespace])).perWorkload.get(id);
        return objects?.pods === 0 ? objects : undefined;
      },
      60_000,
    );

    await wakeEndpoint(world.tenant, world.actor, { id });
    expect((await line()).heldUnitSeconds).toBe(BigInt(HOUR));
    await until(id, "READY", 1);
    await tally(new Map([[id, 1]]));

    await deleteEndpoint(world.tenant, world.actor, { id });
    await eventually(
      "the endpoint DELETED",
      async () => ((await endpointRow(id)).status === "DELETED" ? true : undefined),
      60_000,
    );
    expect((await line()).heldUnitSeconds).toBe(0n);
    // The garbage collector removes the ReplicaSet's pods a moment after the Deployment.
    await eventually(
      "its pods to go",
      async () => ((await census(database, [namespace])).perWorkload.size === 0 ? true : undefined),
      60_000,
    ).catch(() => undefined);
    await tally(new Map());
    console.info(
      `RELIABILITY endpoint-lifecycle lost=${totals.lost} doubled=${totals.doubled} orphaned=${totals.orphaned}`,
    );
    expect(totals).toEqual({ lost: 0, doubled: 0, orphaned: 0 });
  });
});
