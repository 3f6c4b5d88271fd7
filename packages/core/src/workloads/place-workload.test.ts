import { describe, expect, it } from "vitest";
import { NOT_CONNECTED } from "../compute/cluster-connection";
import {
  jurisdictionSatisfies,
  placeWorkload,
  reachOfClass,
  reachOfProject,
  toPlacementView,
  type PlacementCluster,
} from "./place-workload";

function cluster(overrides: Partial<PlacementCluster> & { code: string }): PlacementCluster {
  return {
    id: `id-${overrides.code}`,
    name: `Cluster ${overrides.code}`,
    kind: "SLURM",
    jurisdiction: "DE",
    active: true,
    connected: true,
    capacity: 16,
    inUse: 0,
    ...overrides,
  };
}

const open = { quantity: 4, residency: null, classification: "INTERNAL" as const };
const request = { ...open, organizationCountry: "DE" };

describe("placeWorkload", () => {
  it("picks the eligible cluster with the most free units, ties broken by code", () => {
    const decision = placeWorkload(
      [
        cluster({ code: "b", inUse: 4 }),
        cluster({ code: "c", inUse: 2 }),
        cluster({ code: "a", inUse: 2 }),
      ],
      request,
    );
    expect(decision.chosen?.clusterCode).toBe("a");
    expect(decision.reason).toBe(
      "Cluster a (DE): the project has no residency requirement, and it has the most free units of 3 eligible clusters (14 free).",
    );
    expect(decision.candidates.map((c) => [c.clusterCode, c.why])).toEqual([
      ["a", "eligible, 14 units free"],
      ["b", "eligible, 12 units free"],
      ["c", "eligible, 14 units free"],
    ]);
  });

  it("says why each ineligible cluster was passed over", () => {
    const decision = placeWorkload(
      [
        cluster({ code: "off", active: false }),
        cluster({ code: "k8s", kind: "KUBERNETES" }),
        cluster({ code: "unwired", connected: false }),
        cluster({ code: "none", capacity: null }),
        cluster({ code: "small", capacity: 2 }),
        cluster({ code: "ok", kind: "SIM" }),
      ],
      request,
    );
    const why = Object.fromEntries(decision.candidates.map((c) => [c.clusterCode, c.why]));
    expect(why).toEqual({
      off: "is retired: it takes no new work",
      k8s: "serves inference endpoints, not training jobs",
      unwired: NOT_CONNECTED,
      none: "does not offer this resource class",
      small: "has only 2 units of this class",
      ok: "eligible, 16 units free",
    });
    expect(decision.chosen?.clusterCode).toBe("ok");
    // No free count where the class is not offered or the cluster takes no new work.
    const free = Object.fromEntries(decision.candidates.map((c) => [c.clusterCode, c.free]));
    expect(free).toMatchObject({ off: null, none: null, small: 2, ok: 16 });
  });

  it("never places on a cluster Tessera cannot reach, even with the most free units", () => {
    const decision = placeWorkload(
      [cluster({ code: "big", connected: false, capacity: 64 }), cluster({ code: "small" })],
      request,
    );
    expect(decision.chosen?.clusterCode).toBe("small");
  });

  it("keeps data where the project's residency and classification say", () => {
    const clusters = [
      cluster({ code: "de", jurisdiction: "DE", inUse: 8 }),
      cluster({ code: "fr", jurisdiction: "FR", inUse: 4 }),
      cluster({ code: "us", jurisdiction: "US" }),
    ];
    expect(placeWorkload(clusters, { ...request, residency: "EU" }).chosen?.clusterCode).toBe("fr");
    expect(placeWorkload(clusters, { ...request, residency: "DE" }).chosen?.clusterCode).toBe("de");
    expect(
      placeWorkload(clusters, { ...request, classification: "RESTRICTED" }).chosen?.clusterCode,
    ).toBe("de");
    const refused = placeWorkload(clusters, { ...request, residency: "PL" });
    expect(refused.chosen).toBeNull();
    expect(refused.reason).toBe(
      "No cluster may run this job: Cluster de is in DE; the project's data must stay in PL; Cluster fr is in FR; the project's data must stay in PL; Cluster us is in US; the project's data must stay in PL. To run it, choose a project whose data may go where a cluster is, or ask the platform operator for a cluster in PL.",
    );
    expect(refused.refusedForData).toBe(true);
    // Restricted data stays in the organisation's country: that is where a cluster is wanted.
    const restricted = placeWorkload([clusters[1]!], { ...request, classification: "RESTRICTED" });
    expect(restricted.reason).toMatch(/ask the platform operator for a cluster in DE\.$/);
  });

  it("says no next step about the project when no cluster could run it anyway", () => {
    const full = placeWorkload([cluster({ code: "x", capacity: 2 })], {
      ...request,
      quantity: 4,
      residency: "PL",
    });
    expect(full.reason).toBe(
      "No cluster may run this job: Cluster x has only 2 units of this class.",
    );
    expect(full.refusedForData).toBeUndefined();
  });

  it("says when no cluster offers the class, and when the job will queue", () => {
    expect(placeWorkload([cluster({ code: "x", capacity: null })], request).reason).toBe(
      "No cluster offers this resource class.",
    );
    const busy = placeWorkload([cluster({ code: "x", inUse: 14 })], request);
    expect(busy.chosen?.free).toBe(2);
    expect(busy.reason).toMatch(/It will queue until enough units are free\.$/);
  });
});

describe("placeWorkload on nodes", () => {
  it("passes over a cluster whose nodes cannot hold the job's size, and takes one whose can", () => {
    const decision = placeWorkload(
      [
        cluster({ code: "fours", unitsPerNode: 4 }),
        cluster({ code: "eights", unitsPerNode: 8, inUse: 8 }),
      ],
      { ...request, quantity: 6 },
    );
    expect(decision.chosen?.clusterCode).toBe("eights");
    expect(decision.candidates.find((c) => c.clusterCode === "fours")?.why).toBe(
      "takes a job of more than 4 units only on whole nodes of 4",
    );
  });

  it("places whole nodes, and any size on a cluster that records no nodes", () => {
    const fours = cluster({ code: "fours", unitsPerNode: 4 });
    expect(placeWorkload([fours], { ...request, quantity: 8 }).chosen?.clusterCode).toBe("fours");
    expect(placeWorkload([fours], { ...request, quantity: 6 }).chosen).toBeNull();
    const unknown = cluster({ code: "unknown" });
    expect(placeWorkload([unknown], { ...request, quantity: 6 }).chosen?.clusterCode).toBe(
      "unknown",
    );
  });

  it("does not apply whole nodes to an endpoint: its replicas, not its total, sit on nodes", () => {
    const fours = cluster({ code: "fours", kind: "SIM", unitsPerNode: 4 });
    const endpoint = { ...request, quantity: 6, unitsPerReplica: 2, purpose: "endpoint" as const };
    expect(placeWorkload([fours], endpoint).chosen?.clusterCode).toBe("fours");
  });

  it("passes over a cluster whose nodes are smaller than an endpoint's replica", () => {
    const endpoint = { ...request, quantity: 6, unitsPerReplica: 6, purpose: "endpoint" as const };
    const decision = placeWorkload(
      [
        cluster({ code: "fours", kind: "KUBERNETES", unitsPerNode: 4 }),
        cluster({ code: "eights", kind: "KUBERNETES", unitsPerNode: 8, inUse: 8 }),
      ],
      endpoint,
    );
    expect(decision.chosen?.clusterCode).toBe("eights");
    expect(decision.candidates.find((c) => c.clusterCode === "fours")?.why).toBe(
      "has nodes of 4 units, too small for a replica of 6",
    );
    // A cluster that records no nodes takes any replica, as before.
    const unknown = cluster({ code: "unknown", kind: "KUBERNETES" });
    expect(placeWorkload([unknown], endpoint).chosen?.clusterCode).toBe("unknown");
  });
});

describe("retired clusters", () => {
  const clusters = [
    cluster({ code: "old-a", active: false, capacity: 512 }),
    cluster({ code: "old-b", active: false, kind: "KUBERNETES", capacity: null }),
    cluster({ code: "sim", kind: "SIM", jurisdiction: "FR" }),
  ];

  it("are counted after the reasons of the clusters that could have run the job, never listed", () => {
    const refused = placeWorkload(clusters, { ...request, residency: "GB" });
    expect(refused.reason).toBe(
      "No cluster may run this job: Cluster sim is in FR; the project's data must stay in GB. 2 clusters out of service were not considered. To run it, choose a project whose data may go where a cluster is, or ask the platform operator for a cluster in GB.",
    );
    const onlyRetired = placeWorkload([clusters[0]!], request);
    expect(onlyRetired.reason).toBe(
      "No cluster offers this resource class. 1 cluster out of service was not considered.",
    );
  });

  it("stay in the decision kept for the audit, and the page's view leaves them out with a count", () => {
    const decision = placeWorkload(clusters, request);
    expect(decision.candidates.map((c) => c.clusterCode)).toEqual(["old-a", "old-b", "sim"]);
    const view = toPlacementView(decision);
    expect(view.candidates.map((c) => c.clusterCode)).toEqual(["sim"]);
    expect(view.retiredClusters).toBe(2);
    expect(view.chosen?.clusterCode).toBe("sim");
    expect(view.reason).toBe(decision.reason);
    // Every candidate left has a number of free units or a reason why not in its decision.
    expect(view.candidates.every((c) => typeof c.free === "number")).toBe(true);
  });
});

describe("placeWorkload for an endpoint", () => {
  it("lands on Kubernetes or the simulated cluster, never Slurm, and says so", () => {
    const clusters = [
      cluster({ code: "slurm", kind: "SLURM", capacity: 64 }),
      cluster({ code: "k8s", kind: "KUBERNETES" }),
      cluster({ code: "sim", kind: "SIM", inUse: 12 }),
    ];
    const endpoint = { ...request, purpose: "endpoint" as const };
    const decision = placeWorkload(clusters, endpoint);
    expect(decision.chosen?.clusterCode).toBe("k8s");
    expect(decision.candidates.find((c) => c.clusterCode === "slurm")?.why).toBe(
      "runs training jobs, not inference endpoints",
    );
    expect(placeWorkload(clusters, request).chosen?.clusterCode).toBe("slurm");
    const refused = placeWorkload([clusters[0]!], { ...endpoint, residency: "DE" });
    expect(refused.reason).toBe(
      "No cluster may run this endpoint: Cluster slurm runs training jobs, not inference endpoints.",
    );
  });
});

describe("reachOfClass", () => {
  it("is the largest capacity on a cluster that takes training jobs, busy or not, whatever its jurisdiction", () => {
    const reach = reachOfClass(
      [
        cluster({ code: "small", capacity: 4 }),
        cluster({ code: "busy", capacity: 8, inUse: 8, jurisdiction: "US" }),
        cluster({ code: "off", capacity: 32, active: false }),
        cluster({ code: "k8s", capacity: 32, kind: "KUBERNETES" }),
        cluster({ code: "unwired", capacity: 32, connected: false }),
      ],
      64,
    );
    expect(reach).toEqual({ maxQuantity: 8, reason: null });
    expect(reachOfClass([cluster({ code: "huge", capacity: 512 })], 64).maxQuantity).toBe(64);
  });

  it("is 0 with placement's reason when no cluster could take even one unit", () => {
    expect(reachOfClass([cluster({ code: "x", capacity: null })], 64)).toEqual({
      maxQuantity: 0,
      reason: "No cluster offers this resource class.",
    });
    expect(reachOfClass([cluster({ code: "empty", capacity: 0 })], 64)).toEqual({
      maxQuantity: 0,
      reason: "No cluster may run this job: Cluster empty has only 0 units of this class.",
    });
  });
});

describe("reachOfProject", () => {
  const endpointClusters = [
    cluster({ code: "train", kind: "SLURM", jurisdiction: "GB" }),
    cluster({ code: "infer", kind: "KUBERNETES", jurisdiction: "DE" }),
    cluster({ code: "sim", kind: "SIM", jurisdiction: "EU" }),
    cluster({ code: "nl", kind: "KUBERNETES", jurisdiction: "NL", capacity: null }),
  ];

  it("names the cluster an endpoint of the project would land on", () => {
    const reach = reachOfProject(endpointClusters, {
      residency: "EU",
      classification: "INTERNAL",
      organizationCountry: "DE",
      purpose: "endpoint",
    });
    expect(reach).toEqual({
      clusterName: "Cluster infer",
      problem: null,
      jurisdictions: ["DE", "EU"],
    });
  });

  it("refuses in placement's own words when the project's rules allow no cluster, and says where the class runs", () => {
    const rules = {
      residency: "GB",
      classification: "RESTRICTED" as const,
      organizationCountry: "GB",
      purpose: "endpoint" as const,
    };
    const reach = reachOfProject(endpointClusters, rules);
    expect(reach.clusterName).toBeNull();
    // Word for word what a launch of one unit is told.
    expect(reach.problem).toBe(placeWorkload(endpointClusters, { ...rules, quantity: 1 }).reason);
    expect(reach.problem).toContain("Cluster infer is in DE; the project's data must stay in GB");
    // The GB cluster runs training jobs only; the NL one does not offer the class.
    expect(reach.jurisdictions).toEqual(["DE", "EU"]);
  });

  it("has no jurisdiction to offer when no cluster serves the class at all", () => {
    const reach = reachOfProject([cluster({ code: "train", kind: "SLURM" })], {
      residency: null,
      classification: "PUBLIC",
      organizationCountry: "DE",
      purpose: "endpoint",
    });
    expect(reach.clusterName).toBeNull();
    expect(reach.jurisdictions).toEqual([]);
  });
});

describe("jurisdictionSatisfies", () => {
  it("accepts an EU member state or EU for EU residency, and only the country otherwise", () => {
    expect(jurisdictionSatisfies("DE", "EU")).toBe(true);
    expect(jurisdictionSatisfies("EU", "EU")).toBe(true);
    expect(jurisdictionSatisfies("CH", "EU")).toBe(false);
    expect(jurisdictionSatisfies("DE", "DE")).toBe(true);
    expect(jurisdictionSatisfies("FR", "DE")).toBe(false);
    expect(jurisdictionSatisfies("US", null)).toBe(true);
  });
});
