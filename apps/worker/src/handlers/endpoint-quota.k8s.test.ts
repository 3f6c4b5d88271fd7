/**
 * The namespace's quota while one endpoint scales down or is deleted and another scales up or is
 * deployed at once, on the real control plane of infra/k8s/up.sh, with the worker's handlers
 * called in the test's own order (no worker process): the scale-up is converged while the
 * scale-down or the delete is not carried out yet, as a busy or restarted worker may do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteEndpoint, installationId, scaleEndpoint, scaleEndpointToZero } from "@tessera/core";
import type { Database } from "@tessera/db";
import {
  KubernetesEndpointDriver,
  kubeClientsFromFile,
  LABEL_WORKLOAD,
  QUOTA_NAME,
} from "@tessera/drivers";
import { eventually } from "../../../../infra/test/worker-process";
import { deployTestEndpoint } from "../../../../packages/core/src/endpoints/endpoint-fixture";
import { MERGE_PATCH } from "../../../../packages/drivers/src/kubernetes/kube-client";
import {
  adminClients,
  removeTenants,
  WORKER_KUBECONFIG,
} from "../../../../packages/drivers/src/kubernetes/k8s-test-cluster";
import { createK8sEndpointWorld, type K8sEndpointWorld } from "../reliability/k8s-endpoint-world";
import { createTestContext } from "../testing/handler-context";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";
import { convergeEndpoint } from "./endpoints";
import { handleTrackEndpoints } from "./track-endpoints";

let isolated: IsolatedDatabase;
let database: Database;
let harness: ReturnType<typeof createTestContext>;
const prefix = testQueuePrefix("k8s_quota");
const slugs: string[] = [];
const admin = adminClients();

beforeAll(async () => {
  isolated = await createIsolatedDatabase("k8s_quota");
  database = isolated.database;
  harness = createTestContext(database, prefix, {
    endpointDriverFactory: (cluster) =>
      cluster.kind === "KUBERNETES"
        ? new KubernetesEndpointDriver({
            clients: kubeClientsFromFile(WORKER_KUBECONFIG, cluster.endpoint),
            installationId: () => installationId(database),
          })
        : null,
  });
});

afterAll(async () => {
  await harness?.close();
  await removeTenants(slugs);
  await isolated?.close();
  await obliterateQueues(prefix);
});

const converge = (workloadId: string) => convergeEndpoint(harness.context, { workloadId });

/** Sweeps (observing every endpoint) until `done` says yes. */
async function sweepUntil<T>(what: string, done: () => Promise<T | undefined>): Promise<T> {
  return eventually(
    what,
    async () => {
      await handleTrackEndpoints(harness.context);
      return done();
    },
    90_000,
    500,
  );
}

/** What the cluster runs of an endpoint: its Deployment's replicas and ready replicas. */
async function deployed(setup: K8sEndpointWorld, workloadId: string) {
  const found = await admin.apps.readNamespacedDeployment({
    name: `ep-${workloadId}`,
    namespace: setup.namespace,
  });
  return { replicas: found.spec?.replicas ?? 0, ready: found.status?.readyReplicas ?? 0 };
}

/**
 * A new organisation with two CPU endpoints READY on the control plane and a quota of their three
 * replicas: one of two replicas (named `leavingName`, the one to scale down or delete) and one of
 * one (to scale up).
 */
async function twoReady(leavingName: string) {
  const setup = await createK8sEndpointWorld(database, { kind: "CPU" });
  slugs.push(setup.organizationSlug);
  const leaving = (await deployTestEndpoint(setup, { name: leavingName, replicas: 2 })).id;
  const up = (await deployTestEndpoint(setup, { name: "scaled up", replicas: 1 })).id;
  await converge(leaving);
  await converge(up);
  await sweepUntil("both endpoints READY", async () => {
    const ready = await database.endpoint.count({
      where: { workloadId: { in: [leaving, up] }, status: "READY" },
    });
    return ready === 2 ? true : undefined;
  });
  expect(await quotaPods(setup)).toBe("3");
  return { setup, leaving, up };
}

/** Each endpoint's status and what the quota last counted for it, in the order asked. */
async function countedFor(workloadIds: readonly string[]) {
  const rows = await database.endpoint.findMany({
    where: { workloadId: { in: [...workloadIds] } },
    select: { workloadId: true, status: true, quotaReplicas: true },
  });
  return workloadIds.map((id) => {
    const row = rows.find((r) => r.workloadId === id);
    return row && { status: row.status, quotaReplicas: row.quotaReplicas };
  });
}

/** Waits until `count` of an endpoint's pods are ready; what its Deployment then says. */
const podsReady = (setup: K8sEndpointWorld, workloadId: string, count: number) =>
  eventually(
    `${count} pods of ${workloadId} ready`,
    async () => {
      const now = await deployed(setup, workloadId);
      return now.ready === count ? now : undefined;
    },
    60_000,
    250,
  );

const quotaPods = async (setup: K8sEndpointWorld) =>
  (await admin.core.readNamespacedResourceQuota({ name: QUOTA_NAME, namespace: setup.namespace }))
    .spec?.hard?.pods;

/** The pods of the namespace that Tessera's own quota refused (its ReplicaSets' FailedCreate events). */
async function ownQuotaRefusals(setup: K8sEndpointWorld) {
  const events = await admin.core.listNamespacedEvent({
    namespace: setup.namespace,
    fieldSelector: "reason=FailedCreate",
  });
  return events.items
    .map((event) => event.message ?? "")
    .filter((message) => message.includes(`exceeded quota: ${QUOTA_NAME},`));
}

/** An endpoint's pods in the namespace, terminating ones included. */
async function podsOf(setup: K8sEndpointWorld, workloadId: string) {
  const { items } = await admin.core.listNamespacedPod({
    namespace: setup.namespace,
    labelSelector: `${LABEL_WORKLOAD}=${workloadId}`,
  });
  return items;
}

/** Sets the finalizers of pods (merge patch): a pod with one stays, terminating, once deleted. */
async function setFinalizers(setup: K8sEndpointWorld, names: readonly string[], to: string[]) {
  await Promise.all(
    names.map((name) =>
      admin.core.patchNamespacedPod(
        { name, namespace: setup.namespace, body: { metadata: { finalizers: to } } },
        MERGE_PATCH,
      ),
    ),
  );
}

/** Holds pods being deleted on the cluster, as a node slow to stop their containers would. */
const HOLD = "tessera.test/hold";

describe("the namespace's quota on the real control plane", () => {
  it("admits a scale-up beside a scale-down whose pods are still there, and shrinks once they have gone", async () => {
    const { setup, leaving: down, up } = await twoReady("scaled down");

    // Tessera admits three replicas in all, as before: two moved from one endpoint to the other.
    await scaleEndpointToZero(setup.tenant, setup.actor, { id: down });
    await scaleEndpoint(setup.tenant, setup.actor, { id: up, replicas: 3 });
    // The scale-up is converged first: the scale-down's two pods still run. A quota of the
    // desired replicas alone (3) would refuse the two new pods until they had gone.
    await converge(up);
    expect(await quotaPods(setup)).toBe("5");
    expect(await podsReady(setup, up, 3)).toEqual({ replicas: 3, ready: 3 });
    expect(await deployed(setup, down)).toEqual({ replicas: 2, ready: 2 });

    // The scale-down is applied; once its pods have gone a sweep shrinks the quota to what
    // Tessera admitted.
    await converge(down);
    await sweepUntil("the quota to shrink to the three replicas admitted", async () =>
      (await quotaPods(setup)) === "3" ? true : undefined,
    );
    expect(await countedFor([down, up])).toEqual([
      { status: "SCALED_TO_ZERO", quotaReplicas: 0 },
      { status: "READY", quotaReplicas: 3 },
    ]);
    expect(await ownQuotaRefusals(setup)).toEqual([]);
  }, 240_000);

  it("keeps a deleted endpoint's pods in the quota beside the scale-up and the deploy that take its room, and converges once they have gone", async () => {
    const { setup, leaving: deleted, up } = await twoReady("deleted");
    const held = (await podsOf(setup, deleted)).map((pod) => pod.metadata?.name ?? "");
    expect(held).toHaveLength(2);
    try {
      // Tessera admits three replicas in all, as before: the deleted endpoint's two move to the
      // one scaled up. Its scale-up is converged first, while the deleted endpoint's two pods
      // still run (its removal not carried out yet): a quota of the live endpoints alone (3)
      // would refuse the two new pods until they had gone.
      await deleteEndpoint(setup.tenant, setup.actor, { id: deleted });
      await scaleEndpoint(setup.tenant, setup.actor, { id: up, replicas: 3 });
      await converge(up);
      expect(await quotaPods(setup)).toBe("5");
      expect(await podsReady(setup, up, 3)).toEqual({ replicas: 3, ready: 3 });
      expect(await deployed(setup, deleted)).toEqual({ replicas: 2, ready: 2 });

      // The delete is carried out: its Deployment goes and it is DELETED, its pods terminating
      // but held on the cluster. An endpoint deployed now is converged beside them: the quota
      // still counts them, read from the pods themselves, with no Deployment left to say so.
      await setFinalizers(setup, held, [HOLD]);
      expect(await converge(deleted)).toEqual({ outcome: "deleted" });
      await eventually(
        "the deleted endpoint's pods terminating",
        async () => {
          const pods = await podsOf(setup, deleted);
          return pods.length === 2 && pods.every((pod) => pod.metadata?.deletionTimestamp)
            ? true
            : undefined;
        },
        60_000,
        250,
      );
      const added = (await deployTestEndpoint(setup, { name: "deployed", replicas: 1 })).id;
      await converge(added);
      expect(await quotaPods(setup)).toBe("6");
      expect(await podsReady(setup, added, 1)).toEqual({ replicas: 1, ready: 1 });
      // A sweep while they are still there leaves the quota as it is.
      await handleTrackEndpoints(harness.context);
      expect(await quotaPods(setup)).toBe("6");
      expect((await podsOf(setup, deleted)).length).toBe(2);

      // Once they have gone a sweep converges the quota to what Tessera admits.
      await setFinalizers(setup, held, []);
      await sweepUntil("the quota to converge to the four replicas admitted", async () =>
        (await quotaPods(setup)) === "4" ? true : undefined,
      );
      expect(await podsOf(setup, deleted)).toEqual([]);
      expect(await countedFor([deleted, up, added])).toEqual([
        { status: "DELETED", quotaReplicas: 0 },
        { status: "READY", quotaReplicas: 3 },
        { status: "READY", quotaReplicas: 1 },
      ]);
      expect(await ownQuotaRefusals(setup)).toEqual([]);
    } finally {
      // A pod held by a finalizer would keep its namespace from being removed after the tests.
      await setFinalizers(setup, held, []).catch(() => undefined);
    }
  }, 300_000);
});
