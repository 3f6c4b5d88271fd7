import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { isDriverError, type EndpointSpec } from "@tessera/core";
import {
  adminClients,
  eventually,
  K8S_HOME,
  removeTenants,
  testDriver,
  testEndpoint,
  testTenant,
} from "./k8s-test-cluster";
import { installationSelector, LABEL_WORKLOAD, namespaceFor } from "./k8s-objects";

/**
 * Reliability against the real control plane: the API server SIGKILLed in the middle of 50
 * deploys and started again. Every deploy is retried as the worker retries (a retryable
 * DriverError → try again), and in the end every endpoint is there exactly once, Ready, with
 * nothing left over. Prints the lost, doubled and orphaned counts.
 */
const run = promisify(execFile);
const repoRoot = new URL("../../../../", import.meta.url).pathname;
const DEPLOYS = 50;

const admin = adminClients();
const { driver, installationId } = testDriver({ retryForMs: 2_000 });
const tenant = testTenant({ cpu: "64", memory: "256Gi", pods: "200" });

const probes: string[] = [];

afterAll(async () => {
  await removeTenants([tenant.slug, ...probes]);
});

function apiServerPid(): number {
  return Number(readFileSync(`${K8S_HOME}/run/kube-apiserver.pid`, "utf8").trim());
}

/** Deploys as the worker does: a retryable failure is tried again after a pause. */
async function deployUntilDone(spec: EndpointSpec, attempts: { count: number }): Promise<void> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    attempts.count += 1;
    try {
      await driver.applyEndpoint(spec);
      return;
    } catch (error) {
      if (!isDriverError(error) || !error.retryable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe("the API server killed and restarted during deploys", () => {
  it(`converges all ${DEPLOYS} endpoints: none lost, none doubled, nothing orphaned`, async () => {
    await driver.ensureEndpointTenant(tenant);
    const specs = Array.from({ length: DEPLOYS }, () =>
      testEndpoint(tenant, {
        acceleratorResource: null,
        acceleratorCount: 0,
        cpu: "250m",
        memory: "256Mi",
        nodeSelector: { "tessera.io/node-pool": "cpu" },
      }),
    );
    const attempts = { count: 0 };
    let done = 0;
    // Deploys start 100 ms apart, so that many are yet to come or in flight when the server dies.
    const deploys = specs.map(async (spec, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 100));
      await deployUntilDone(spec, attempts);
      done += 1;
    });

    // Kill the API server once some deploys have gone through and others are in flight.
    await eventually("the first deploys to land", () =>
      Promise.resolve(done >= 5 ? true : undefined),
    );
    const killedAt = done;
    process.kill(apiServerPid(), "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const { stdout } = await run("bash", [`${repoRoot}infra/k8s/up.sh`], {
      env: { ...process.env, DATABASE_URL: "" },
      timeout: 170_000,
    });
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^K8S_READY server=/);

    await Promise.all(deploys);
    expect(killedAt).toBeLessThan(DEPLOYS);

    const namespace = namespaceFor(tenant.slug);
    await eventually(
      `all ${DEPLOYS} endpoints READY`,
      async () => {
        const seen = await driver.describeEndpoints(specs);
        const ready = [...seen.values()].filter((endpoint) => endpoint.state === "READY").length;
        return ready === DEPLOYS ? true : undefined;
      },
      150_000,
    );

    const selector = installationSelector(installationId);
    const [deployments, services, pods] = await Promise.all([
      admin.apps.listNamespacedDeployment({ namespace, labelSelector: selector }),
      admin.core.listNamespacedService({ namespace, labelSelector: selector }),
      admin.core.listNamespacedPod({ namespace, labelSelector: selector }),
    ]);
    const wanted = new Set(specs.map((spec) => spec.workloadId));
    const count = (items: { metadata?: { labels?: Record<string, string> } }[]) => {
      const per = new Map<string, number>();
      for (const item of items) {
        const id = item.metadata?.labels?.[LABEL_WORKLOAD] ?? "";
        per.set(id, (per.get(id) ?? 0) + 1);
      }
      return per;
    };
    const deploymentsPer = count(deployments.items);
    const servicesPer = count(services.items);
    const podsPer = count(pods.items.filter((pod) => !pod.metadata?.deletionTimestamp));
    const lost = [...wanted].filter(
      (id) => !deploymentsPer.has(id) || !servicesPer.has(id) || !podsPer.has(id),
    ).length;
    const doubled = [...wanted].filter(
      (id) =>
        (deploymentsPer.get(id) ?? 0) > 1 ||
        (servicesPer.get(id) ?? 0) > 1 ||
        (podsPer.get(id) ?? 0) > 1,
    ).length;
    const orphaned = [...deploymentsPer.keys(), ...servicesPer.keys(), ...podsPer.keys()].filter(
      (id) => !wanted.has(id),
    ).length;
    console.info(
      `RELIABILITY api-server-restart deploys=${DEPLOYS} done_before_kill=${killedAt} attempts=${attempts.count} lost=${lost} doubled=${doubled} orphaned=${orphaned}`,
    );
    expect({ lost, doubled, orphaned }).toEqual({ lost: 0, doubled: 0, orphaned: 0 });

    // The controllers re-list after the restart with a back-off of their own: the control plane
    // is handed on only once the quota controller counts a new namespace's quota again.
    const probe = testTenant({ pods: "1" });
    probes.push(probe.slug);
    await eventually(
      "the quota controller to count quotas again",
      async () =>
        (await driver.ensureEndpointTenant(probe).then(
          () => true,
          () => false,
        ))
          ? true
          : undefined,
      100_000,
    );
  });
});
