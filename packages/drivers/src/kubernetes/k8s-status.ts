import type { BackendEndpoint, BackendEndpointState } from "@tessera/core";
import type { CoreV1Event, V1Deployment, V1Pod } from "@kubernetes/client-node";
import { LABEL_WORKLOAD, QUOTA_NAME, serviceUrl } from "./k8s-objects";

/** Pods the quota admission no longer counts. */
const FINISHED = new Set(["Succeeded", "Failed"]);

/** Pure: whether a pod is still there for a namespace's quota: not finished, terminating or not. */
export function podPresent(pod: V1Pod): boolean {
  return !FINISHED.has(pod.status?.phase ?? "");
}

/**
 * Tessera's own ResourceQuota refusing a pod: the quota follows what Tessera admitted (the rows'
 * desired replicas, or the pods still there when more) and is converged beside the Deployments,
 * so while they catch up with each other (a ReplicaSet still creating pods of a size since
 * scaled down, a Deployment changed behind Tessera's back) it can refuse a pod Tessera admitted.
 * The ReplicaSet tries again, so that is no failure.
 */
const OWN_QUOTA_REFUSAL = `exceeded quota: ${QUOTA_NAME},`;

/**
 * Pure: an endpoint's state from its Deployment, its pods and the Warning events of its objects,
 * with the reason in Kubernetes' own words (the scheduler's "0/4 nodes are available: 4
 * Insufficient nvidia.com/gpu", the quota admission's "exceeded quota: …").
 */
export function endpointStatus(
  deployment: V1Deployment,
  pods: readonly V1Pod[],
  warnings: readonly CoreV1Event[],
): BackendEndpoint {
  const namespace = deployment.metadata?.namespace ?? "";
  const name = deployment.metadata?.name ?? "";
  const desired = deployment.spec?.replicas ?? 1;
  const ready = deployment.status?.readyReplicas ?? 0;
  const updated = deployment.status?.updatedReplicas ?? 0;
  const generation = deployment.metadata?.generation ?? 0;
  const observed = deployment.status?.observedGeneration ?? 0;
  const port = deployment.spec?.template.spec?.containers[0]?.ports?.[0]?.containerPort ?? null;
  const live = pods.filter((pod) => !pod.metadata?.deletionTimestamp);

  const condition = (type: string) => deployment.status?.conditions?.find((c) => c.type === type);
  const replicaFailure = condition("ReplicaFailure");
  const progressing = condition("Progressing");
  const deadlineExceeded =
    progressing?.status === "False" && progressing.reason === "ProgressDeadlineExceeded";

  let state: BackendEndpointState;
  let reason: string | null = null;
  if (desired === 0) {
    state = "SCALED_TO_ZERO";
  } else if (ready >= desired && updated >= desired && observed >= generation) {
    state = "READY";
  } else {
    const refused = replicaFailure?.status === "True";
    // Another quota (an operator's cap) refuses for good; Tessera's own only until it converges.
    const failed = refused && !(replicaFailure.message ?? "").includes(OWN_QUOTA_REFUSAL);
    const quotaWords = refused ? replicaFailure.message : undefined;
    const deadlineWords = deadlineExceeded ? progressing.message : undefined;
    reason = quotaWords ?? podReason(live) ?? deadlineWords ?? warningReason(warnings, name);
    // Fewer ready than wanted is degraded; all ready but some of the old spec is a rollout.
    if (ready > 0 && ready < desired) state = "DEGRADED";
    else if (ready > 0) state = "DEPLOYING";
    else if (failed || deadlineExceeded) state = "FAILED";
    else state = "DEPLOYING";
  }

  return {
    externalId: `${namespace}/${name}`,
    workloadId: deployment.metadata?.labels?.[LABEL_WORKLOAD] ?? null,
    state,
    desiredReplicas: desired,
    readyReplicas: ready,
    // Terminating pods too: the quota admission counts every pod that has not finished.
    presentReplicas: pods.filter(podPresent).length,
    reason: reason === null ? null : tidyReason(reason),
    url: port === null ? null : serviceUrl(namespace, name, port),
  };
}

/** Why a pod is not Ready: unschedulable, or a container waiting (image pull, crash loop). */
function podReason(pods: readonly V1Pod[]): string | null {
  for (const pod of pods) {
    const scheduled = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
    if (scheduled?.status === "False" && scheduled.message) return scheduled.message;
  }
  for (const pod of pods) {
    for (const container of pod.status?.containerStatuses ?? []) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && waiting.reason !== "ContainerCreating") {
        return waiting.message ? `${waiting.reason}: ${waiting.message}` : waiting.reason;
      }
    }
  }
  return null;
}

/** The latest Warning about the Deployment, its ReplicaSets or its pods. */
function warningReason(warnings: readonly CoreV1Event[], name: string): string | null {
  const mine = warnings
    .filter((event) => {
      const object = event.involvedObject.name ?? "";
      return object === name || object.startsWith(`${name}-`);
    })
    .sort((a, b) => eventTime(b) - eventTime(a));
  return mine[0]?.message ?? null;
}

function eventTime(event: CoreV1Event): number {
  const at = event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp;
  return at ? new Date(at).getTime() : 0;
}

/**
 * The scheduler appends what preemption would do ("… preemption: 0/4 nodes are available: …"),
 * which says the same again to a tenant; the first sentence is the reason.
 */
export function tidyReason(reason: string): string {
  return reason
    .replace(/\s*preemption:.*$/s, "")
    .trim()
    .replace(/\.$/, "");
}
