import { describe, expect, it } from "vitest";
import type { CoreV1Event, V1Deployment, V1Pod } from "@kubernetes/client-node";
import { endpointStatus, tidyReason } from "./k8s-status";

function deployment(
  replicas: number,
  status: V1Deployment["status"] = {},
  generation = 1,
): V1Deployment {
  return {
    metadata: {
      name: "ep-w1",
      namespace: "t-acme",
      generation,
      labels: { "tessera.io/workload": "w1" },
    },
    spec: {
      replicas,
      selector: {},
      template: {
        spec: { containers: [{ name: "model-server", ports: [{ containerPort: 8000 }] }] },
      },
    },
    status: { observedGeneration: generation, ...status },
  };
}

const unschedulable: V1Pod = {
  metadata: { name: "ep-w1-abc-1", namespace: "t-acme" },
  status: {
    phase: "Pending",
    conditions: [
      {
        type: "PodScheduled",
        status: "False",
        reason: "Unschedulable",
        message:
          "0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.",
      },
    ],
  },
};

describe("endpointStatus", () => {
  it("is READY when every desired replica is ready, with the Service's URL", () => {
    const status = endpointStatus(
      deployment(2, { readyReplicas: 2, updatedReplicas: 2, replicas: 2 }),
      [],
      [],
    );
    expect(status).toEqual({
      externalId: "t-acme/ep-w1",
      workloadId: "w1",
      state: "READY",
      desiredReplicas: 2,
      readyReplicas: 2,
      presentReplicas: 0,
      reason: null,
      url: "http://ep-w1.t-acme.svc:8000",
    });
  });

  it("counts the pods still present, terminating ones too, but not finished ones", () => {
    const pod = (name: string, phase: string, terminating = false): V1Pod => ({
      metadata: {
        name,
        namespace: "t-acme",
        ...(terminating ? { deletionTimestamp: new Date() } : {}),
      },
      status: { phase },
    });
    const status = endpointStatus(
      deployment(1, { readyReplicas: 1, updatedReplicas: 1, replicas: 1 }),
      [
        pod("ep-w1-abc-1", "Running"),
        pod("ep-w1-abc-2", "Running", true),
        pod("ep-w1-abc-3", "Pending", true),
        pod("ep-w1-abc-4", "Succeeded"),
        pod("ep-w1-abc-5", "Failed"),
      ],
      [],
    );
    expect(status).toMatchObject({ desiredReplicas: 1, readyReplicas: 1, presentReplicas: 3 });
  });

  it("is not READY while the controller has not seen the latest spec", () => {
    const status = endpointStatus(
      { ...deployment(1, { readyReplicas: 1, updatedReplicas: 1, observedGeneration: 1 }, 2) },
      [],
      [],
    );
    expect(status.state).toBe("DEPLOYING");
  });

  it("gives the scheduler's own words when no node fits", () => {
    const status = endpointStatus(deployment(1), [unschedulable], []);
    expect(status.state).toBe("DEPLOYING");
    expect(status.reason).toBe("0/4 nodes are available: 4 Insufficient nvidia.com/gpu");
  });

  const refusedBy = (quota: string) =>
    `pods "ep-w1-abc-x" is forbidden: exceeded quota: ${quota}, requested: requests.nvidia.com/gpu=2, used: requests.nvidia.com/gpu=0, limited: requests.nvidia.com/gpu=1`;
  const refusing = (message: string) =>
    deployment(1, {
      conditions: [{ type: "ReplicaFailure", status: "True", reason: "FailedCreate", message }],
    });

  it("is FAILED with the quota's words when another quota of the namespace refuses the pods", () => {
    const message = refusedBy("operator-cap");
    const status = endpointStatus(refusing(message), [], []);
    expect(status.state).toBe("FAILED");
    expect(status.reason).toBe(message);
  });

  it("is still DEPLOYING, with the words, when Tessera's own quota refuses while it converges", () => {
    const message = refusedBy("tessera-quota");
    const status = endpointStatus(refusing(message), [], []);
    expect(status.state).toBe("DEPLOYING");
    expect(status.reason).toBe(message);
    // A quota whose name only starts the same is another one.
    expect(endpointStatus(refusing(refusedBy("tessera-quota-extra")), [], []).state).toBe("FAILED");
  });

  it("is DEGRADED when some but not all replicas are ready", () => {
    const status = endpointStatus(
      deployment(3, { readyReplicas: 1, updatedReplicas: 3 }),
      [unschedulable],
      [],
    );
    expect(status.state).toBe("DEGRADED");
    expect(status.readyReplicas).toBe(1);
  });

  it("is SCALED_TO_ZERO at zero replicas", () => {
    expect(endpointStatus(deployment(0), [], []).state).toBe("SCALED_TO_ZERO");
  });

  it("falls back to the latest Warning event about the endpoint's objects", () => {
    const event = (name: string, message: string, at: string): CoreV1Event => ({
      metadata: {},
      involvedObject: { name },
      lastTimestamp: new Date(at),
      message,
    });
    const status = endpointStatus(
      deployment(1),
      [],
      [
        event("ep-w1-5d9c", "older", "2026-01-01T00:00:00Z"),
        event("ep-w1-5d9c", "newest", "2026-01-01T00:01:00Z"),
        event("ep-w10-5d9c", "another endpoint's", "2026-01-01T00:02:00Z"),
      ],
    );
    expect(status.reason).toBe("newest");
  });
});

describe("tidyReason", () => {
  it("drops the preemption sentence and the final full stop", () => {
    expect(
      tidyReason(
        "0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
      ),
    ).toBe("0/3 nodes are available: 3 Insufficient nvidia.com/gpu");
  });
});
