import { describe, expect, it } from "vitest";
import { buildSubmitRequest, type LaunchContext } from "./load-launch-context";

const context = (overrides: Partial<LaunchContext> = {}): LaunchContext => ({
  workload: {
    id: "wl1",
    organizationId: "org1",
    clusterId: "c1",
    name: "Train",
    status: "ACCEPTED",
    externalId: null,
    cancelRequestedAt: null,
    quantity: 2,
    walltimeSeconds: 3_600,
    spec: { script: "#!/bin/bash\necho hi\n", simSeconds: 5, templateCode: "batch" },
  },
  cluster: { id: "c1", code: "sim-1", kind: "SIM", active: true },
  resourceClassCode: "h100-80gb",
  mapping: { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 4 },
  account: { accountName: "t_lab", status: "READY" },
  ...overrides,
});

describe("buildSubmitRequest", () => {
  it("carries the workload id, the account, the mapping and the simulated duration", () => {
    expect(buildSubmitRequest(context(), "t_lab")).toEqual({
      ok: true,
      request: {
        workloadId: "wl1",
        displayName: "Train",
        account: "t_lab",
        resourceClassCode: "h100-80gb",
        mapping: { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 4 },
        quantity: 2,
        walltimeSeconds: 3_600,
        script: "#!/bin/bash\necho hi\n",
        environment: { TESSERA_WORKLOAD_ID: "wl1", TESSERA_SIM_SECONDS: "5" },
      },
    });
  });

  it("carries the nodes the job was accepted for, and none for a job accepted without them", () => {
    const nodes = { nodes: 2, unitsPerNode: 4 };
    const wide = context();
    wide.workload.quantity = 8;
    wide.workload.spec = { script: "#!/bin/bash\necho hi\n", nodes };
    const built = buildSubmitRequest(wide, "t_lab");
    expect(built.ok && built.request.nodes).toEqual(nodes);
    const old = buildSubmitRequest(context(), "t_lab");
    expect(old.ok && "nodes" in old.request).toBe(false);
  });

  it("names the problem when the cluster lost the class or the script is missing", () => {
    expect(buildSubmitRequest(context({ mapping: null }), "t_lab")).toEqual({
      ok: false,
      problem: "Cluster sim-1 no longer offers h100-80gb.",
    });
    const broken = context();
    broken.workload.spec = { image: "x" };
    expect(buildSubmitRequest(broken, "t_lab")).toEqual({
      ok: false,
      problem: "The job's stored script is missing or malformed.",
    });
  });
});
