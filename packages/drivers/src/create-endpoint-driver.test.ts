import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Database } from "@tessera/db";
import { createEndpointDriver } from "./create-endpoint-driver";
import { kubeClientsFromFile } from "./kubernetes/kube-client";
import { KubernetesEndpointDriver } from "./kubernetes/kubernetes-endpoint-driver";
import { SimEndpointDriver } from "./sim/sim-endpoint-driver";

const kubeconfig = join(mkdtempSync(join(tmpdir(), "tessera-kubeconfig-")), "worker.kubeconfig");
writeFileSync(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters:
  - name: dev
    cluster: { server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true }
users:
  - name: worker
    user: { token: not-a-real-token }
contexts:
  - name: worker@dev
    context: { cluster: dev, user: worker }
current-context: worker@dev
`,
);
const deps = {
  env: {
    KUBERNETES_KUBECONFIG: kubeconfig,
    KUBERNETES_GATEWAY_NAMESPACE: "tessera-gateway",
    SIM_ENDPOINT_READY_SECONDS: 5,
    SIM_MODEL_SERVER_URL: "http://localhost:3300",
  },
  db: {} as Database,
};

describe("createEndpointDriver", () => {
  it("drives Kubernetes clusters with the Kubernetes endpoint driver", () => {
    const driver = createEndpointDriver(
      { id: "c1", kind: "KUBERNETES", endpoint: "https://k8s.example:6443" },
      deps,
    );
    expect(driver).toBeInstanceOf(KubernetesEndpointDriver);
    expect(driver?.kind).toBe("KUBERNETES");
  });

  it("drives simulated clusters with the simulated endpoint driver", () => {
    const driver = createEndpointDriver({ id: "c3", kind: "SIM", endpoint: null }, deps);
    expect(driver).toBeInstanceOf(SimEndpointDriver);
    expect(driver?.kind).toBe("SIM");
  });

  it("has no endpoint driver for Slurm clusters", () => {
    expect(createEndpointDriver({ id: "c2", kind: "SLURM", endpoint: null }, deps)).toBeNull();
  });
});

describe("kubeClientsFromFile", () => {
  it("points the worker's credentials at the cluster record's endpoint", () => {
    expect(kubeClientsFromFile(kubeconfig, "https://k8s.example:6443").server).toBe(
      "https://k8s.example:6443",
    );
    expect(kubeClientsFromFile(kubeconfig).server).toBe("https://127.0.0.1:6443");
  });
});
