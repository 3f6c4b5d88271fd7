import { describe, expect, it } from "vitest";
import {
  describeNodeShape,
  fitsOneNode,
  jobSizeOnClusters,
  nodeShapeOf,
  nodeShapeProblem,
  nodesOfRequest,
  replicaNodeProblem,
  replicaUnitCeiling,
  unitsPerNodeProblem,
  wholeNodeSizes,
} from "./node-placement";

const h100 = { name: "NVIDIA H100 80 GB", unit: "GPU" };
const cpu = { name: "CPU core", unit: "CPU core" };
const national = { name: "National GPU cluster", capacity: 16, unitsPerNode: 4 };

describe("nodeShapeOf", () => {
  it("puts a job that fits on one node on one node", () => {
    expect(nodeShapeOf(1, 4)).toEqual({ nodes: 1, unitsPerNode: 1 });
    expect(nodeShapeOf(3, 4)).toEqual({ nodes: 1, unitsPerNode: 3 });
    expect(nodeShapeOf(4, 4)).toEqual({ nodes: 1, unitsPerNode: 4 });
  });

  it("puts a larger job on whole nodes", () => {
    expect(nodeShapeOf(8, 4)).toEqual({ nodes: 2, unitsPerNode: 4 });
    expect(nodeShapeOf(16, 4)).toEqual({ nodes: 4, unitsPerNode: 4 });
    expect(nodeShapeOf(64, 8)).toEqual({ nodes: 8, unitsPerNode: 8 });
  });

  it("refuses a job of more than a node that is not whole nodes", () => {
    expect(nodeShapeOf(5, 4)).toBeNull();
    expect(nodeShapeOf(6, 4)).toBeNull();
    expect(nodeShapeOf(15, 4)).toBeNull();
  });

  it("keeps one node where the cluster has not said how many units a node has", () => {
    expect(nodeShapeOf(16, null)).toEqual({ nodes: 1, unitsPerNode: 16 });
  });
});

describe("wholeNodeSizes", () => {
  it("lists 2, 3 … whole nodes up to the ceiling", () => {
    expect(wholeNodeSizes(4, 16)).toEqual([8, 12, 16]);
    expect(wholeNodeSizes(4, 15)).toEqual([8, 12]);
    expect(wholeNodeSizes(48, 64)).toEqual([]);
  });
});

describe("nodeShapeProblem", () => {
  it("names the sizes a job larger than a node may take", () => {
    expect(nodeShapeProblem(6, national, h100, 64)).toBe(
      "On National GPU cluster a job of more than 4 GPUs of NVIDIA H100 80 GB takes whole nodes of 4: ask for at most 4, or 8, 12 or 16 GPUs.",
    );
  });

  it("elides a long list of sizes, ending at the platform's limit", () => {
    const big = { name: "Big", capacity: 512, unitsPerNode: 4 };
    expect(nodeShapeProblem(6, big, h100, 64)).toBe(
      "On Big a job of more than 4 GPUs of NVIDIA H100 80 GB takes whole nodes of 4: ask for at most 4, or 8, 12, 16 … 64 GPUs.",
    );
  });

  it("says one node is the most when two nodes are over the limit", () => {
    const fat = { name: "Fat nodes", capacity: 4096, unitsPerNode: 48 };
    expect(nodeShapeProblem(50, fat, cpu, 64)).toBe(
      "On Fat nodes a job of CPU core runs on one node, which has 48 CPU cores: ask for at most 48.",
    );
  });

  it("has nothing to say of a size that fits, or that the cluster has no room for", () => {
    expect(nodeShapeProblem(8, national, h100, 64)).toBeNull();
    expect(nodeShapeProblem(3, national, h100, 64)).toBeNull();
    expect(nodeShapeProblem(18, national, h100, 64)).toBeNull();
    expect(nodeShapeProblem(6, { ...national, unitsPerNode: null }, h100, 64)).toBeNull();
  });
});

describe("jobSizeOnClusters", () => {
  const wide = { name: "Wide", capacity: 64, unitsPerNode: 8 };

  it("gives the shape on every cluster with room that takes the size", () => {
    expect(jobSizeOnClusters(8, [national, wide], h100, 64)).toEqual({
      shapes: [
        { clusterName: "National GPU cluster", nodes: 2, unitsPerNode: 4 },
        { clusterName: "Wide", nodes: 1, unitsPerNode: 8 },
      ],
      problem: null,
    });
  });

  it("accepts a size one cluster takes even when another refuses it", () => {
    expect(jobSizeOnClusters(6, [national, wide], h100, 64).problem).toBeNull();
  });

  it("refuses a size every cluster with room refuses, in each one's words", () => {
    const result = jobSizeOnClusters(12, [national, wide], h100, 64);
    expect(result.shapes).toEqual([
      { clusterName: "National GPU cluster", nodes: 3, unitsPerNode: 4 },
    ]);
    expect(jobSizeOnClusters(6, [national], h100, 64).problem).toMatch(/8, 12 or 16 GPUs/);
    expect(jobSizeOnClusters(10, [national, wide], h100, 64).problem).toBe(
      [nodeShapeProblem(10, national, h100, 64), nodeShapeProblem(10, wide, h100, 64)].join(" "),
    );
  });

  it("leaves a size no cluster has room for to placement", () => {
    expect(jobSizeOnClusters(20, [national], h100, 64)).toEqual({ shapes: [], problem: null });
  });
});

describe("describeNodeShape", () => {
  it("says nodes × units per node", () => {
    expect(describeNodeShape({ nodes: 2, unitsPerNode: 4 }, "GPU")).toBe("2 nodes × 4 GPUs");
    expect(describeNodeShape({ nodes: 1, unitsPerNode: 1 }, "CPU core")).toBe(
      "1 node × 1 CPU core",
    );
  });
});

describe("unitsPerNodeProblem", () => {
  it("accepts a whole number of nodes that the capacity is made of", () => {
    expect(unitsPerNodeProblem(4, 16, "GPU")).toBeNull();
    expect(unitsPerNodeProblem(16, 16, "GPU")).toBeNull();
    expect(unitsPerNodeProblem(8, 0, "GPU")).toBeNull();
  });

  it("refuses a count below 1 or not whole, more than the capacity, or not dividing it", () => {
    for (const bad of [0, -1, 2.5])
      expect(unitsPerNodeProblem(bad, 16, "GPU")).toBe(
        "Enter the GPUs one node has as a whole number of at least 1, or leave it empty.",
      );
    expect(unitsPerNodeProblem(32, 16, "GPU")).toBe(
      "One node cannot have more than the cluster's capacity of 16 GPUs.",
    );
    expect(unitsPerNodeProblem(4, 18, "GPU")).toBe(
      "A capacity of 18 GPUs is not a whole number of nodes of 4: make the capacity a multiple of 4 (16 or 20), or correct the units per node.",
    );
  });
});

describe("nodesOfRequest", () => {
  const mapping = { unitsPerNode: 8 };
  it("asks for the nodes the job was accepted for, whatever the cluster records now", () => {
    const nodes = { nodes: 2, unitsPerNode: 4 };
    expect(nodesOfRequest({ quantity: 8, nodes, mapping })).toEqual(nodes);
    expect(nodesOfRequest({ quantity: 6, nodes, mapping })).toBeNull();
  });

  it("derives them from the cluster's units per node for a job that carries none", () => {
    expect(nodesOfRequest({ quantity: 16, mapping })).toEqual({ nodes: 2, unitsPerNode: 8 });
    expect(nodesOfRequest({ quantity: 12, mapping })).toBeNull();
    expect(nodesOfRequest({ quantity: 12, mapping: {} })).toEqual({ nodes: 1, unitsPerNode: 12 });
  });
});

describe("an endpoint's replica on one node", () => {
  it("fits a replica of at most a node, and any replica where the nodes are not recorded", () => {
    expect(fitsOneNode(4, 4)).toBe(true);
    expect(fitsOneNode(5, 4)).toBe(false);
    // Two whole nodes is a job's shape, never a pod's.
    expect(fitsOneNode(8, 4)).toBe(false);
    expect(fitsOneNode(8, null)).toBe(true);
  });

  it("refuses a replica larger than every node, naming the largest that fits", () => {
    expect(replicaNodeProblem(6, [national], "GPU")).toBe(
      "A replica must fit on one node: this cluster's nodes have 4 GPUs; ask for at most 4 per replica.",
    );
    expect(replicaNodeProblem(12, [national, { unitsPerNode: 8 }], "GPU")).toBe(
      "A replica must fit on one node: the largest nodes that serve it have 8 GPUs; ask for at most 8 per replica.",
    );
  });

  it("says the most units a replica may ask for: the largest node, below the platform's limit", () => {
    expect(replicaUnitCeiling([national], 8)).toBe(4);
    expect(replicaUnitCeiling([national, { unitsPerNode: 8 }], 8)).toBe(8);
    expect(replicaUnitCeiling([{ unitsPerNode: 16 }], 8)).toBe(8);
    // Whatever the limit says where nodes are not recorded or no cluster is known.
    expect(replicaUnitCeiling([national, { unitsPerNode: null }], 8)).toBe(8);
    expect(replicaUnitCeiling([], 8)).toBe(8);
    // Every size up to the ceiling passes the node rule; one more does not.
    expect(replicaNodeProblem(replicaUnitCeiling([national], 8), [national], "GPU")).toBeNull();
    expect(
      replicaNodeProblem(replicaUnitCeiling([national], 8) + 1, [national], "GPU"),
    ).not.toBeNull();
  });

  it("takes a replica that one cluster's nodes hold, or where none records its nodes", () => {
    expect(replicaNodeProblem(4, [national], "GPU")).toBeNull();
    expect(replicaNodeProblem(6, [national, { unitsPerNode: 8 }], "GPU")).toBeNull();
    expect(replicaNodeProblem(6, [national, { unitsPerNode: null }], "GPU")).toBeNull();
    expect(replicaNodeProblem(6, [], "GPU")).toBeNull();
  });
});
