/**
 * The namespace's quota while one endpoint scales down and another scales up at once, on the real
 * control plane of infra/k8s/up.sh, with the worker's handlers called in the test's own order (no
 * worker process): the scale-up is converged while the scale-down is not applied yet, as a busy
 * or restarted worker may do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installationId, scaleEndpoint, scaleEndpointToZero } from "@tessera/core";
import type { Database } from "@tessera/db";
import { KubernetesEndpointDriver, kubeClientsFromFile, QUOTA_NAME } from "@tessera/drivers";
import { eventually } from "../../../../infra/test/worker-process";
import { deployTestEndpoint } from "../../../../packages/core/src/endpoints/endpoint-fixture";
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

describe("the namespace's quota on the real control plane", () => {
  it("admits a scale-up beside a scale-down whose pods are still there, and shrinks once they have gone", async () => {
    const setup = await createK8sEndpointWorld(database, { kind: "CPU" });
    slugs.push(setup.organizationSlug);
    const down = (await deployTestEndpoint(setup, { name: "scaled down", replicas: 2 })).id;
    const up = (await deployTestEndpoint(setup, { name: "scaled up", replicas: 1 })).id;
    await converge(down);
    await converge(up);
    await sweepUntil("both endpoints READY", async () => {
      const rows = await database.endpoint.findMany({
        where: { workloadId: { in: [down, up] }, status: "READY" },
      });
      return rows.length === 2 ? true : undefined;
    });
    expect(await quotaPods(setup)).toBe("3");

    // Tessera admits three replicas in all, as before: two moved from one endpoint to the other.
    await scaleEndpointToZero(setup.tenant, setup.actor, { id: down });
    await scaleEndpoint(setup.tenant, setup.actor, { id: up, replicas: 3 });
    // The scale-up is converged first: the scale-down's two pods still run. A quota of the
    // desired replicas alone (3) would refuse the two new pods until they had gone.
    await converge(up);
    expect(await quotaPods(setup)).toBe("5");
    const upNow = await eventually(
      "the scaled-up endpoint's three pods ready",
      async () => {
        const now = await deployed(setup, up);
        return now.ready === 3 ? now : undefined;
      },
      60_000,
      250,
    );
    expect(upNow).toEqual({ replicas: 3, ready: 3 });
    expect(await deployed(setup, down)).toEqual({ replicas: 2, ready: 2 });

    // The scale-down is applied; once its pods have gone a sweep shrinks the quota to what
    // Tessera admitted.
    await converge(down);
    await sweepUntil("the quota to shrink to the three replicas admitted", async () =>
      (await quotaPods(setup)) === "3" ? true : undefined,
    );
    const rows = await database.endpoint.findMany({
      where: { workloadId: { in: [down, up] } },
      select: { workloadId: true, status: true, quotaReplicas: true },
    });
    expect(new Map(rows.map((row) => [row.workloadId, row]))).toEqual(
      new Map([
        [down, { workloadId: down, status: "SCALED_TO_ZERO", quotaReplicas: 0 }],
        [up, { workloadId: up, status: "READY", quotaReplicas: 3 }],
      ]),
    );
    expect(await ownQuotaRefusals(setup)).toEqual([]);
  }, 240_000);
});
