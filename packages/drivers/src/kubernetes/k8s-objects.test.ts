import { describe, expect, it } from "vitest";
import type { EndpointSpec } from "@tessera/core";
import type {
  V1Deployment,
  V1Namespace,
  V1NetworkPolicy,
  V1ResourceQuota,
  V1Service,
} from "@kubernetes/client-node";
import {
  endpointNameFor,
  endpointObjects,
  namespaceFor,
  quotaHard,
  tenantObjects,
} from "./k8s-objects";

const spec: EndpointSpec = {
  workloadId: "cmabc123XYZ",
  organizationId: "org_1",
  slug: "acme-ai",
  displayName: "Acme chat (prod)",
  image: "vllm/vllm-openai:v0.9.0",
  args: ["--model", "/models/llama"],
  modelName: "llama-3-8b",
  port: 8000,
  healthPath: "/health",
  replicas: 2,
  acceleratorResource: "nvidia.com/mig-1g.10gb",
  acceleratorCount: 1,
  resourceClassCode: "mig-1g.10gb",
  unitsPerReplica: 1,
  cpu: "4",
  memory: "16Gi",
  nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" },
};

interface TypedTenant {
  namespace: V1Namespace;
  resourceQuota: V1ResourceQuota;
  networkPolicies: V1NetworkPolicy[];
}
interface TypedEndpoint {
  deployment: V1Deployment;
  service: V1Service;
}
const typedEndpoint = (objects: unknown) => objects as TypedEndpoint;

describe("names", () => {
  it("puts a tenant in t-<slug> and an endpoint under ep-<workload id in lower case>", () => {
    expect(namespaceFor("acme-ai")).toBe("t-acme-ai");
    expect(endpointNameFor("cmabc123XYZ")).toBe("ep-cmabc123xyz");
  });

  it("refuses input that cannot name a Kubernetes object", () => {
    expect(() => namespaceFor("Acme AI")).toThrow(/cannot name/);
    expect(() => endpointNameFor("a/b")).toThrow(/cannot name/);
    expect(() => namespaceFor("x".repeat(62))).toThrow(/cannot name/);
  });
});

describe("quotaHard", () => {
  it("quotas accelerators, cpu and memory on requests and objects by count", () => {
    expect(
      quotaHard({
        "nvidia.com/gpu": "4",
        "nvidia.com/mig-1g.10gb": "7",
        cpu: "32",
        memory: "128Gi",
        pods: "20",
        "count/deployments.apps": "10",
        "limits.memory": "256Gi",
      }),
    ).toEqual({
      "count/deployments.apps": "10",
      "limits.memory": "256Gi",
      pods: "20",
      "requests.cpu": "32",
      "requests.memory": "128Gi",
      "requests.nvidia.com/gpu": "4",
      "requests.nvidia.com/mig-1g.10gb": "7",
    });
  });
});

describe("tenantObjects", () => {
  const objects = tenantObjects(
    "inst-1",
    { organizationId: "org_1", slug: "acme-ai", quota: { "nvidia.com/gpu": "2" } },
    "tessera-gateway",
  ) as unknown as TypedTenant;

  it("labels the namespace with the installation, organisation and tenant", () => {
    expect(objects.namespace.metadata?.labels).toMatchObject({
      "app.kubernetes.io/managed-by": "tessera",
      "tessera.io/installation": "inst-1",
      "tessera.io/organization": "org_1",
      "tessera.io/tenant": "acme-ai",
    });
  });

  it("denies all traffic by default and lets in only the gateway's namespace", () => {
    const [deny, gateway] = objects.networkPolicies;
    expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(gateway?.spec?.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: { "kubernetes.io/metadata.name": "tessera-gateway" },
            },
          },
        ],
      },
    ]);
  });

  it("derives the ResourceQuota from the tenant's quota", () => {
    expect(objects.resourceQuota.spec?.hard).toEqual({ "requests.nvidia.com/gpu": "2" });
  });
});

describe("endpointObjects", () => {
  const { deployment, service } = typedEndpoint(endpointObjects("inst-1", spec));
  const pod = deployment.spec!.template;
  const container = pod.spec!.containers[0]!;

  it("asks for the accelerator with requests equal to limits", () => {
    expect(container.resources?.requests).toEqual({
      cpu: "4",
      memory: "16Gi",
      "nvidia.com/mig-1g.10gb": "1",
    });
    expect(container.resources?.limits).toEqual(container.resources?.requests);
  });

  it("places pods with the class's node selector and checks readiness on the health path", () => {
    expect(pod.spec?.nodeSelector).toEqual(spec.nodeSelector);
    expect(container.readinessProbe?.httpGet).toEqual({ path: "/health", port: "http" });
  });

  it("labels Deployment, pods and Service with the organisation, workload and installation", () => {
    for (const labels of [
      deployment.metadata?.labels,
      pod.metadata?.labels,
      service.metadata?.labels,
    ]) {
      expect(labels).toMatchObject({
        "tessera.io/installation": "inst-1",
        "tessera.io/organization": "org_1",
        "tessera.io/workload": "cmabc123XYZ",
      });
    }
    expect(service.spec?.selector).toEqual({ "tessera.io/workload": "cmabc123XYZ" });
  });

  it("asks for no accelerator on the CPU tier", () => {
    const cpu = typedEndpoint(
      endpointObjects("inst-1", { ...spec, acceleratorResource: null, acceleratorCount: 0 }),
    );
    expect(cpu.deployment.spec?.template.spec?.containers[0]?.resources?.limits).toEqual({
      cpu: "4",
      memory: "16Gi",
    });
  });

  it("is the same object for the same spec (so applying twice writes nothing)", () => {
    expect(endpointObjects("inst-1", spec)).toEqual(endpointObjects("inst-1", spec));
  });

  it("refuses negative or fractional replicas", () => {
    expect(() => endpointObjects("inst-1", { ...spec, replicas: -1 })).toThrow(/Replicas/);
    expect(() => endpointObjects("inst-1", { ...spec, replicas: 1.5 })).toThrow(/Replicas/);
  });
});
