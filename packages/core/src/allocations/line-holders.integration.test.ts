import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createEndpointSetup, deployTestEndpoint } from "../endpoints/endpoint-fixture";
import { closeHold } from "../quota/close-hold";
import { placeHold } from "../quota/place-hold";
import { createTestWorkload } from "../workloads/lifecycle/workload-fixture";
import { listAllocations } from "./list-allocations";

describe("what an allocation line's held figure is held for", () => {
  it("names each job and endpoint holding it, their sum is the held figure, and a closed hold leaves the list", async () => {
    const setup = await createEndpointSetup(db, { grantedUnitSeconds: 10n ** 8n });
    const job = await createTestWorkload(db, setup, { quantity: 2, walltimeSeconds: 3_600 });
    const jobRow = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    const endpoint = await deployTestEndpoint(setup, {
      name: "Holders endpoint",
      replicas: 1,
      unitsPerReplica: 1,
    });
    // Something held that is neither a job nor an endpoint (a hold placed by hand, say).
    await placeHold(db, {
      organizationId: setup.organizationId,
      allocationLineId: setup.allocationLineId,
      unitSeconds: 60,
      reference: `manual:${setup.organizationId}`,
    });
    // A stranger's job on a line of its own is not this line's holder.
    const stranger = await createEndpointSetup(db, { grantedUnitSeconds: 10n ** 8n });
    await createTestWorkload(db, stranger, { quantity: 1, walltimeSeconds: 600 });

    const line = async () => {
      const page = await listAllocations(setup.tenant, {});
      return page.items
        .flatMap((allocation) => allocation.lines)
        .find((l) => l.id === setup.allocationLineId)!;
    };

    const before = await line();
    const endpointHold = before.holders.find((holder) => holder.workloadId === endpoint.id);
    expect(before.holders).toContainEqual({
      kind: "TRAINING_JOB",
      workloadId: job.id,
      name: jobRow.name,
      unitSeconds: 7_200,
    });
    expect(endpointHold).toMatchObject({
      kind: "INFERENCE_ENDPOINT",
      name: "Holders endpoint",
    });
    expect(endpointHold!.unitSeconds).toBeGreaterThan(0);
    expect(before.holders).toContainEqual({
      kind: "OTHER",
      workloadId: null,
      name: null,
      unitSeconds: 60,
    });
    expect(before.holders).toHaveLength(3);
    // Largest first, and together they are the held figure the page shows beside them.
    const amounts = before.holders.map((holder) => holder.unitSeconds);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(before.heldUnitSeconds);

    // The job's hold is released (cancelled): the job leaves the list, the held figure drops by it.
    await closeHold(db, {
      organizationId: setup.organizationId,
      holdId: job.holdId,
      consumed: null,
    });
    const after = await line();
    expect(after.holders.map((holder) => holder.workloadId)).not.toContain(job.id);
    expect(after.heldUnitSeconds).toBe(before.heldUnitSeconds - 7_200);
    expect(after.holders.reduce((sum, holder) => sum + holder.unitSeconds, 0)).toBe(
      after.heldUnitSeconds,
    );
  });
});
