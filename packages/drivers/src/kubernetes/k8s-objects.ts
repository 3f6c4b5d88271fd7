import type { EndpointRef, EndpointSpec, EndpointTenantSpec } from "@tessera/core";

/**
 * Pure: the Kubernetes objects Tessera keeps for a tenant and for an endpoint, and the names and
 * labels that let the driver find them again after a crash. Everything here is deterministic in
 * its input, so applying the same spec twice sends the same objects (and the API server, seeing
 * no difference, writes nothing).
 */

/** The one field manager every server-side apply of the driver uses. */
export const FIELD_MANAGER = "tessera";

export const LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
export const LABEL_COMPONENT = "app.kubernetes.io/component";
export const LABEL_INSTALLATION = "tessera.io/installation";
export const LABEL_ORGANIZATION = "tessera.io/organization";
export const LABEL_WORKLOAD = "tessera.io/workload";
export const LABEL_TENANT_SLUG = "tessera.io/tenant";
export const MANAGED_BY = "tessera";

export const QUOTA_NAME = "tessera-quota";
export const LIMIT_RANGE_NAME = "tessera-limits";
export const POLICY_DEFAULT_DENY = "tessera-default-deny";
export const POLICY_ALLOW_GATEWAY = "tessera-allow-gateway";
export const POLICY_ALLOW_DNS = "tessera-allow-dns";
export const CONTAINER_NAME = "model-server";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** A backend-safe id or slug, or an error that says which input is not. */
function checked(what: string, value: string, pattern: RegExp, max: number): string {
  if (value.length === 0 || value.length > max || !pattern.test(value)) {
    throw new TypeError(`${what} "${value}" cannot name a Kubernetes object.`);
  }
  return value;
}

/** The tenant's namespace: `t-<slug>`. */
export function namespaceFor(slug: string): string {
  return `t-${checked("The tenant slug", slug, DNS_LABEL, 61)}`;
}

/** The endpoint's Deployment and Service: `ep-<workload id, lower case>` (a DNS-1035 label). */
export function endpointNameFor(workloadId: string): string {
  return `ep-${checked("The workload id", workloadId.toLowerCase(), DNS_LABEL, 60)}`;
}

export function externalIdFor(ref: Pick<EndpointRef, "slug" | "workloadId">): string {
  return `${namespaceFor(ref.slug)}/${endpointNameFor(ref.workloadId)}`;
}

export function labelValue(what: string, value: string): string {
  return checked(what, value, LABEL_VALUE, 63);
}

/** Labels on everything the driver makes for a tenant. */
export function tenantLabels(installationId: string, tenant: EndpointTenantSpec) {
  return {
    [LABEL_MANAGED_BY]: MANAGED_BY,
    [LABEL_INSTALLATION]: labelValue("The installation id", installationId),
    [LABEL_ORGANIZATION]: labelValue("The organisation id", tenant.organizationId),
    [LABEL_TENANT_SLUG]: labelValue("The tenant slug", tenant.slug),
  };
}

/** Labels on an endpoint's Deployment, Service and pods. */
export function endpointLabels(installationId: string, ref: EndpointRef) {
  return {
    [LABEL_MANAGED_BY]: MANAGED_BY,
    [LABEL_COMPONENT]: "inference-endpoint",
    [LABEL_INSTALLATION]: labelValue("The installation id", installationId),
    [LABEL_ORGANIZATION]: labelValue("The organisation id", ref.organizationId),
    [LABEL_WORKLOAD]: labelValue("The workload id", ref.workloadId),
  };
}

/** Label selector for everything of this installation. */
export function installationSelector(installationId: string): string {
  return `${LABEL_INSTALLATION}=${labelValue("The installation id", installationId)}`;
}

// Object counts a ResourceQuota takes by their plain names.
const COUNTED = new Set(["pods", "services", "configmaps", "secrets", "persistentvolumeclaims"]);

/**
 * The ResourceQuota's `hard` from the tenant's quota: extended resources and cpu/memory are
 * quota'd on requests (`requests.nvidia.com/gpu`), objects by count (`pods`,
 * `count/deployments.apps`); names already prefixed pass unchanged.
 */
export function quotaHard(quota: Record<string, string>): Record<string, string> {
  const hard: Record<string, string> = {};
  for (const [name, quantity] of Object.entries(quota).sort(([a], [b]) => a.localeCompare(b))) {
    const passes =
      COUNTED.has(name) || /^(requests|limits)\./.test(name) || name.startsWith("count/");
    const key = passes ? name : `requests.${name}`;
    hard[key] = quantity;
  }
  return hard;
}

export interface TenantObjects {
  namespace: Record<string, unknown>;
  resourceQuota: Record<string, unknown>;
  limitRange: Record<string, unknown>;
  networkPolicies: Record<string, unknown>[];
}

export function tenantObjects(
  installationId: string,
  tenant: EndpointTenantSpec,
  gatewayNamespace: string,
): TenantObjects {
  const namespace = namespaceFor(tenant.slug);
  const labels = tenantLabels(installationId, tenant);
  const meta = (name: string) => ({ name, namespace, labels });
  return {
    namespace: {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: namespace,
        labels: {
          ...labels,
          // Model servers need nothing privileged; the baseline profile refuses what would.
          "pod-security.kubernetes.io/enforce": "baseline",
        },
      },
    },
    resourceQuota: {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: meta(QUOTA_NAME),
      spec: { hard: quotaHard(tenant.quota) },
    },
    limitRange: {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: meta(LIMIT_RANGE_NAME),
      spec: {
        limits: [
          {
            type: "Container",
            defaultRequest: { cpu: "500m", memory: "1Gi" },
            default: { cpu: "1", memory: "2Gi" },
          },
        ],
      },
    },
    networkPolicies: [
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: meta(POLICY_DEFAULT_DENY),
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: meta(POLICY_ALLOW_GATEWAY),
        spec: {
          podSelector: {},
          policyTypes: ["Ingress"],
          ingress: [
            {
              from: [
                {
                  namespaceSelector: {
                    matchLabels: { "kubernetes.io/metadata.name": gatewayNamespace },
                  },
                },
              ],
            },
          ],
        },
      },
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: meta(POLICY_ALLOW_DNS),
        spec: {
          podSelector: {},
          policyTypes: ["Egress"],
          egress: [
            {
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
          ],
        },
      },
    ],
  };
}

/** What Tessera sets on an object's metadata, as apply compares it. */
export interface AppliedMetadata {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface EndpointObjects {
  deployment: Record<string, unknown> & { metadata: AppliedMetadata };
  service: Record<string, unknown>;
}

/**
 * The endpoint's Deployment and Service. GPU and MIG requests equal their limits (Kubernetes
 * demands it of extended resources); CPU and memory too, so a replica is never throttled below
 * what its tier promises. Pods roll one at a time with no surge: a surge replica would need
 * accelerators (and quota) the tenant may not have.
 */
export function endpointObjects(installationId: string, spec: EndpointSpec): EndpointObjects {
  if (!Number.isInteger(spec.replicas) || spec.replicas < 0) {
    throw new TypeError(`Replicas must be a whole number of at least 0, not ${spec.replicas}.`);
  }
  if (spec.acceleratorResource !== null && !(spec.acceleratorCount > 0)) {
    throw new TypeError("An accelerator tier needs at least one accelerator per replica.");
  }
  const name = endpointNameFor(spec.workloadId);
  const namespace = namespaceFor(spec.slug);
  const labels = endpointLabels(installationId, spec);
  const annotations = {
    "tessera.io/display-name": spec.displayName,
    "tessera.io/model-name": spec.modelName,
  };
  const resources: Record<string, string> = { cpu: spec.cpu, memory: spec.memory };
  if (spec.acceleratorResource !== null) {
    resources[spec.acceleratorResource] = String(spec.acceleratorCount);
  }
  return {
    deployment: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace, labels, annotations },
      spec: {
        replicas: spec.replicas,
        selector: { matchLabels: { [LABEL_WORKLOAD]: labels[LABEL_WORKLOAD] } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
        progressDeadlineSeconds: 600,
        revisionHistoryLimit: 2,
        template: {
          metadata: { labels, annotations },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            nodeSelector: { ...spec.nodeSelector },
            containers: [
              {
                name: CONTAINER_NAME,
                image: spec.image,
                args: [...spec.args],
                ports: [{ name: "http", containerPort: spec.port, protocol: "TCP" }],
                resources: { requests: { ...resources }, limits: { ...resources } },
                readinessProbe: {
                  httpGet: { path: spec.healthPath, port: "http" },
                  periodSeconds: 5,
                  failureThreshold: 3,
                },
                env: [{ name: "SERVED_MODEL_NAME", value: spec.modelName }],
              },
            ],
          },
        },
      },
    },
    service: {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace, labels, annotations },
      spec: {
        type: "ClusterIP",
        selector: { [LABEL_WORKLOAD]: labels[LABEL_WORKLOAD] },
        ports: [{ name: "http", port: spec.port, targetPort: "http", protocol: "TCP" }],
      },
    },
  };
}

/** The in-cluster URL of an endpoint's Service. */
export function serviceUrl(namespace: string, name: string, port: number): string {
  return `http://${name}.${namespace}.svc:${port}`;
}
