import type { ClusterKind } from "@tessera/db";

/**
 * The interface every backend that serves inference endpoints implements (DESIGN.md, "Compute
 * drivers": Kubernetes, and the simulated cluster as the embedded default). Worker tier only.
 *
 * Every method is idempotent and safe to call again after a crash: the workload id is carried in
 * the objects' names and labels, so an apply finds what exists; delete of something already gone
 * is not an error. Failures are `DriverError`s (retryable or not) — never raw client errors.
 */
export interface EndpointDriver {
  readonly kind: ClusterKind;
  /**
   * Converges the tenant's place on the backend: on Kubernetes a namespace with Tessera's labels,
   * a ResourceQuota derived from `quota`, a LimitRange and NetworkPolicies (default deny, ingress
   * only from the gateway's namespace). It resolves once the backend enforces the quota, unless
   * `settle: false` asks it to return once applied (settleEndpointTenant then waits).
   */
  ensureEndpointTenant(tenant: EndpointTenantSpec, options?: { settle?: boolean }): Promise<void>;
  /**
   * Resolves once the backend enforces at least the tenant's quota (what ensureEndpointTenant
   * applied, or more applied since): its endpoints' replicas are then admitted.
   */
  settleEndpointTenant(tenant: EndpointTenantSpec): Promise<void>;
  /** Creates or updates the endpoint's objects (server-side apply, one field manager). */
  applyEndpoint(spec: EndpointSpec): Promise<EndpointApplyResult>;
  /** Sets the desired replicas (0 = scaled to zero); the rest of the spec is left alone. */
  scaleEndpoint(ref: EndpointRef, replicas: number): Promise<void>;
  /** Removes every object of the endpoint; an endpoint already gone is not an error. */
  deleteEndpoint(ref: EndpointRef): Promise<void>;
  /**
   * The current state of each endpoint asked for, keyed by workload id; one the backend does not
   * know is absent.
   */
  describeEndpoints(refs: readonly EndpointRef[]): Promise<Map<string, BackendEndpoint>>;
  /**
   * The pods the backend still has for each endpoint asked for, terminating ones included — what
   * a namespace quota counts — whether or not its other objects are still there (a deleted
   * endpoint's pods leave after its Deployment), keyed by workload id; one with none is absent.
   */
  presentReplicas(refs: readonly EndpointRef[]): Promise<Map<string, number>>;
  /** Every endpoint on the backend made by this installation (for the reconciler). */
  listEndpoints(): Promise<BackendEndpoint[]>;
}

export interface EndpointTenantSpec {
  organizationId: string;
  /** Backend-safe slug of the organisation (namespace `t-<slug>` on Kubernetes). */
  slug: string;
  /** Resource name (`nvidia.com/gpu`, `nvidia.com/mig-1g.10gb`, `cpu`, `memory`, `pods`) → quantity. */
  quota: Record<string, string>;
}

export interface EndpointRef {
  workloadId: string;
  organizationId: string;
  /** The tenant's slug, as given to ensureEndpointTenant. */
  slug: string;
}

export interface EndpointSpec extends EndpointRef {
  displayName: string;
  /** Serving runtime image and arguments (from the catalogue). */
  image: string;
  args: readonly string[];
  /** Served model name, as clients call it. */
  modelName: string;
  /** Port the model server listens on and its readiness path (e.g. 8000, "/health"). */
  port: number;
  healthPath: string;
  replicas: number;
  /** Per replica: the accelerator resource name (null for the CPU tier) and its count. */
  acceleratorResource: string | null;
  acceleratorCount: number;
  /**
   * The resource class one replica draws on and its units of it (the workload's quantity): the
   * simulated cluster schedules replicas by these against its capacity, as Kubernetes does by the
   * resources above.
   */
  resourceClassCode: string;
  unitsPerReplica: number;
  cpu: string;
  memory: string;
  nodeSelector: Record<string, string>;
}

export interface EndpointApplyResult {
  /** Backend name of the endpoint (namespace/name on Kubernetes). */
  externalId: string;
  /** False when nothing changed (the same spec was applied before). */
  changed: boolean;
}

export type BackendEndpointState = "DEPLOYING" | "READY" | "SCALED_TO_ZERO" | "DEGRADED" | "FAILED";

export interface BackendEndpoint {
  externalId: string;
  /** From the objects' labels; null for objects Tessera did not make. */
  workloadId: string | null;
  state: BackendEndpointState;
  desiredReplicas: number;
  readyReplicas: number;
  /**
   * Pods the backend still has for it, terminating ones included: what a namespace quota counts,
   * more than desiredReplicas while a scale-down's pods are leaving.
   */
  presentReplicas: number;
  /** In the backend's own words, e.g. "0/3 nodes are available: 3 Insufficient nvidia.com/gpu". */
  reason: string | null;
  /** In-cluster URL of the endpoint's service, e.g. http://name.ns.svc:8000 (or the simulator's). */
  url: string | null;
}
