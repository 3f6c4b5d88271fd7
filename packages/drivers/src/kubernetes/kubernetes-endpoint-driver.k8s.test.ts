import { afterAll, describe, expect, it } from "vitest";
import { isDriverError, type DriverError } from "@tessera/core";
import {
  adminClients,
  eventually,
  removeTenants,
  testDriver,
  testEndpoint,
  testTenant,
} from "./k8s-test-cluster";
import { endpointNameFor, LABEL_WORKLOAD, namespaceFor } from "./k8s-objects";

/**
 * The Kubernetes driver against the real control plane of infra/k8s/up.sh (kube-apiserver,
 * controller manager, scheduler, etcd, kwok's simulated GPU nodes), as the worker's
 * ServiceAccount.
 */
const { driver, installationId } = testDriver();
const admin = adminClients();
const slugs: string[] = [];

function tenant(quota: Record<string, string> = {}) {
  const made = testTenant(quota);
  slugs.push(made.slug);
  return made;
}

afterAll(async () => {
  await removeTenants(slugs);
});

async function refusal(promise: Promise<unknown>): Promise<DriverError> {
  try {
    await promise;
  } catch (error) {
    if (isDriverError(error)) return error;
    throw error;
  }
  throw new Error("expected the driver to refuse");
}

async function objectsOf(namespace: string, workloadId: string) {
  const labelSelector = `${LABEL_WORKLOAD}=${workloadId}`;
  const [deployments, replicaSets, pods, services] = await Promise.all([
    admin.apps.listNamespacedDeployment({ namespace, labelSelector }),
    admin.apps.listNamespacedReplicaSet({ namespace, labelSelector }),
    admin.core.listNamespacedPod({ namespace, labelSelector }),
    admin.core.listNamespacedService({ namespace, labelSelector }),
  ]);
  return {
    deployments: deployments.items.length,
    replicaSets: replicaSets.items.length,
    pods: pods.items.length,
    services: services.items.length,
  };
}

describe("ensureEndpointTenant", () => {
  it("makes the namespace with its labels, quota, limits and policies, and converges on re-run", async () => {
    const spec = tenant({ "nvidia.com/gpu": "2" });
    const namespace = namespaceFor(spec.slug);
    await driver.ensureEndpointTenant(spec);

    const ns = await admin.core.readNamespace({ name: namespace });
    expect(ns.metadata?.labels).toMatchObject({
      "app.kubernetes.io/managed-by": "tessera",
      "tessera.io/installation": installationId,
      "tessera.io/organization": spec.organizationId,
    });
    const quota = await admin.core.readNamespacedResourceQuota({
      name: "tessera-quota",
      namespace,
    });
    // Counted by the quota controller already: pods are admitted at once.
    expect(quota.status?.hard).toMatchObject({
      "requests.nvidia.com/gpu": "2",
      "requests.nvidia.com/mig-1g.10gb": "7",
      pods: "200",
    });
    const limits = await admin.core.listNamespacedLimitRange({ namespace });
    expect(limits.items.map((item) => item.metadata?.name)).toEqual(["tessera-limits"]);
    const policies = await admin.networking.listNamespacedNetworkPolicy({ namespace });
    expect(policies.items.map((item) => item.metadata?.name).sort()).toEqual([
      "tessera-allow-dns",
      "tessera-allow-gateway",
      "tessera-default-deny",
    ]);

    const versions = async () =>
      [
        (await admin.core.readNamespace({ name: namespace })).metadata?.resourceVersion,
        (await admin.core.readNamespacedResourceQuota({ name: "tessera-quota", namespace }))
          .metadata?.resourceVersion,
      ].join(",");
    const before = await versions();
    await driver.ensureEndpointTenant(spec);
    expect(await versions()).toBe(before);

    // A changed allocation converges the quota.
    await driver.ensureEndpointTenant({ ...spec, quota: { ...spec.quota, "nvidia.com/gpu": "3" } });
    const changed = await admin.core.readNamespacedResourceQuota({
      name: "tessera-quota",
      namespace,
    });
    expect(changed.status?.hard?.["requests.nvidia.com/gpu"]).toBe("3");
  });
});

describe("endpoints", () => {
  it("applies a GPU endpoint once: a second apply changes nothing, and its pod becomes Ready on a GPU node", async () => {
    const spec = tenant();
    await driver.ensureEndpointTenant(spec);
    const endpoint = testEndpoint(spec, { acceleratorCount: 2 });
    const namespace = namespaceFor(spec.slug);
    const name = endpointNameFor(endpoint.workloadId);

    const first = await driver.applyEndpoint(endpoint);
    expect(first).toEqual({ externalId: `${namespace}/${name}`, changed: true });
    const again = await driver.applyEndpoint(endpoint);
    expect(again.changed).toBe(false);

    const ready = await eventually("the endpoint to be READY", async () => {
      const seen = (await driver.describeEndpoints([endpoint])).get(endpoint.workloadId);
      return seen?.state === "READY" ? seen : undefined;
    });
    expect(ready).toMatchObject({
      externalId: `${namespace}/${name}`,
      workloadId: endpoint.workloadId,
      desiredReplicas: 1,
      readyReplicas: 1,
      presentReplicas: 1,
      reason: null,
      url: `http://${name}.${namespace}.svc:8000`,
    });
    const pods = await admin.core.listNamespacedPod({
      namespace,
      labelSelector: `${LABEL_WORKLOAD}=${endpoint.workloadId}`,
    });
    expect(pods.items).toHaveLength(1);
    const pod = pods.items[0]!;
    expect(pod.spec?.nodeName).toBe("kwok-h100-0");
    expect(pod.spec?.containers[0]?.resources?.limits?.["nvidia.com/gpu"]).toBe("2");
    expect(pod.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("True");

    // Still nothing to change once running.
    expect((await driver.applyEndpoint(endpoint)).changed).toBe(false);
  });

  it("places MIG and CPU tiers on the nodes that have them", async () => {
    const spec = tenant();
    await driver.ensureEndpointTenant(spec);
    const mig = testEndpoint(spec, { acceleratorResource: "nvidia.com/mig-3g.40gb" });
    const cpu = testEndpoint(spec, {
      acceleratorResource: null,
      acceleratorCount: 0,
      nodeSelector: { "tessera.io/node-pool": "cpu" },
    });
    await driver.applyEndpoint(mig);
    await driver.applyEndpoint(cpu);
    await eventually("both endpoints READY", async () => {
      const seen = await driver.describeEndpoints([mig, cpu]);
      return [...seen.values()].filter((e) => e.state === "READY").length === 2 ? true : undefined;
    });
    const nodeOf = async (workloadId: string) =>
      (
        await admin.core.listNamespacedPod({
          namespace: namespaceFor(spec.slug),
          labelSelector: `${LABEL_WORKLOAD}=${workloadId}`,
        })
      ).items[0]?.spec?.nodeName;
    expect(await nodeOf(mig.workloadId)).toBe("kwok-h100-mig-0");
    expect(await nodeOf(cpu.workloadId)).toBe("kwok-cpu-0");
  });

  it("says in the scheduler's words why no node fits", async () => {
    const spec = tenant({ "nvidia.com/gpu": "16" });
    await driver.ensureEndpointTenant(spec);
    // No node has 8 H100s.
    const endpoint = testEndpoint(spec, { acceleratorCount: 8 });
    await driver.applyEndpoint(endpoint);
    const seen = await eventually("the scheduler's reason", async () => {
      const status = (await driver.describeEndpoints([endpoint])).get(endpoint.workloadId);
      return status?.reason ? status : undefined;
    });
    expect(seen.state).toBe("DEPLOYING");
    expect(seen.readyReplicas).toBe(0);
    expect(seen.reason).toMatch(/^0\/\d+ nodes are available: .*\d+ Insufficient nvidia\.com\/gpu/);
    expect(seen.reason).not.toMatch(/preemption/);
  });

  it("shows Tessera's own quota refusing the pods as the endpoint's reason, still deploying", async () => {
    const spec = tenant({ "nvidia.com/gpu": "1" });
    await driver.ensureEndpointTenant(spec);
    const endpoint = testEndpoint(spec, { acceleratorCount: 2 });
    await driver.applyEndpoint(endpoint);
    const seen = await eventually("the quota's refusal", async () => {
      const status = (await driver.describeEndpoints([endpoint])).get(endpoint.workloadId);
      return status?.reason?.includes("exceeded quota") ? status : undefined;
    });
    expect(seen.reason).toMatch(/exceeded quota: tessera-quota.*requests\.nvidia\.com\/gpu/);
    // Its own quota converges beside the Deployments: the ReplicaSet tries again, no failure.
    expect(seen.state).toBe("DEPLOYING");
  });

  it("refuses, with the API server's reason and leaving nothing, what the namespace's quota forbids", async () => {
    const spec = tenant({ services: "1" });
    await driver.ensureEndpointTenant(spec);
    const first = testEndpoint(spec);
    await driver.applyEndpoint(first);
    const second = testEndpoint(spec);
    const error = await refusal(driver.applyEndpoint(second));
    expect(error.retryable).toBe(false);
    expect(error.detail).toMatchObject({ status: 403, quota: true });
    expect(error.message).toMatch(/exceeded quota: tessera-quota.*services/);
    expect(await objectsOf(namespaceFor(spec.slug), second.workloadId)).toEqual({
      deployments: 0,
      replicaSets: 0,
      pods: 0,
      services: 0,
    });
  });

  it("scales to zero and back, and delete leaves nothing behind", async () => {
    const spec = tenant();
    await driver.ensureEndpointTenant(spec);
    const endpoint = testEndpoint(spec, {
      replicas: 2,
      acceleratorResource: "nvidia.com/mig-1g.10gb",
    });
    const namespace = namespaceFor(spec.slug);
    await driver.applyEndpoint(endpoint);
    const state = async () => (await driver.describeEndpoints([endpoint])).get(endpoint.workloadId);
    await eventually("two replicas ready", async () =>
      (await state())?.readyReplicas === 2 ? true : undefined,
    );

    await driver.scaleEndpoint(endpoint, 0);
    await eventually("scaled to zero with no pods left", async () => {
      const seen = await state();
      const objects = await objectsOf(namespace, endpoint.workloadId);
      return seen?.state === "SCALED_TO_ZERO" && objects.pods === 0 ? true : undefined;
    });

    await driver.scaleEndpoint(endpoint, 1);
    const woken = await eventually("one replica ready again", async () => {
      const seen = await state();
      return seen?.state === "READY" ? seen : undefined;
    });
    expect(woken.desiredReplicas).toBe(1);

    await driver.deleteEndpoint(endpoint);
    await eventually("every object of the endpoint gone", async () => {
      const objects = await objectsOf(namespace, endpoint.workloadId);
      return Object.values(objects).every((count) => count === 0) ? true : undefined;
    });
    expect((await driver.describeEndpoints([endpoint])).size).toBe(0);
    // Deleting what is gone is not an error; scaling it is a refusal that says so.
    await driver.deleteEndpoint(endpoint);
    const error = await refusal(driver.scaleEndpoint(endpoint, 1));
    expect(error.detail).toMatchObject({ notFound: true });
  });

  it("lists only this installation's endpoints", async () => {
    const spec = tenant();
    await driver.ensureEndpointTenant(spec);
    const mine = testEndpoint(spec, { acceleratorResource: null, acceleratorCount: 0 });
    await driver.applyEndpoint(mine);
    // Another installation on the same cluster, in the same namespace.
    const other = testDriver().driver;
    const theirs = testEndpoint(spec, { acceleratorResource: null, acceleratorCount: 0 });
    await other.applyEndpoint(theirs);

    const listed = await driver.listEndpoints();
    const ids = listed.map((endpoint) => endpoint.workloadId);
    expect(ids).toContain(mine.workloadId);
    expect(ids).not.toContain(theirs.workloadId);
    expect((await other.listEndpoints()).map((endpoint) => endpoint.workloadId)).toEqual([
      theirs.workloadId,
    ]);
  });
});
