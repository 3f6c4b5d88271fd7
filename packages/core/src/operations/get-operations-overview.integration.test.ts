import { describe, expect, it } from "vitest";
import { db, EndpointStatus, WorkloadStatus, type Database } from "@tessera/db";
import { createEndpointSetup, deployTestEndpoint } from "../endpoints/endpoint-fixture";
import { getOperationsOverview } from "./get-operations-overview";

describe("the operations overview", () => {
  it("counts training jobs and endpoints apart, each by its own status", async () => {
    const setup = await createEndpointSetup(db);
    const deployed = await deployTestEndpoint(setup);
    // A serving endpoint's workload row says RUNNING; the endpoint itself says READY.
    await db.workload.update({ where: { id: deployed.id }, data: { status: "RUNNING" } });
    await db.endpoint.update({ where: { workloadId: deployed.id }, data: { status: "READY" } });

    // One snapshot for the overview and the counts it is checked against, whatever other tests
    // write meanwhile.
    const { overview, runningJobs, readyEndpoints } = await db.$transaction(
      async (tx) => ({
        overview: await getOperationsOverview(tx as unknown as Database, []),
        runningJobs: await tx.workload.count({
          where: { kind: "TRAINING_JOB", status: "RUNNING" },
        }),
        readyEndpoints: await tx.endpoint.count({ where: { status: "READY" } }),
      }),
      { isolationLevel: "RepeatableRead" },
    );
    expect(overview.jobsByStatus.RUNNING).toBe(runningJobs);
    expect(overview.endpointsByStatus.READY).toBe(readyEndpoints);
    expect(overview.endpointsByStatus.READY).toBeGreaterThanOrEqual(1);
    // Every status is listed, a zero included, so the page shows each one.
    expect(Object.keys(overview.endpointsByStatus).sort()).toEqual(
      Object.values(EndpointStatus).sort(),
    );
    expect(Object.keys(overview.jobsByStatus).sort()).toEqual(Object.values(WorkloadStatus).sort());
  });
});
