import { afterAll, describe, expect, it } from "vitest";
import { buildSubmitRequest, loadLaunchContext } from "@tessera/core";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf } from "../../test-helpers";
import { createLaunchReadyTenant, submitInput, type LaunchReadyTenant } from "./fixtures";

afterAll(closeRateLimiter);

async function writtenFor(tenant: LaunchReadyTenant) {
  const [workloads, holds, line] = await Promise.all([
    db.workload.count({ where: { organizationId: tenant.org.id } }),
    db.quotaHold.count({ where: { organizationId: tenant.org.id } }),
    db.allocationLine.findUniqueOrThrow({
      where: { id: tenant.line.id },
      select: { heldUnitSeconds: true },
    }),
  ]);
  return { workloads, holds, line };
}

describe("a training job larger than one node", () => {
  it("is refused at 6 GPUs on 4-GPU nodes, naming the sizes that run, and writes nothing", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100, capacity: 16, unitsPerNode: 4 });
    const caller = callerFor(tenant.owner);
    const before = await writtenFor(tenant);
    const failure = await failureOf(caller.workloads.submit(submitInput(tenant, { quantity: 6 })));
    expect(failure).toEqual({
      code: "BAD_REQUEST",
      message: `On ${tenant.cluster.name} a job of more than 4 GPUs of ${tenant.resourceClass.name} takes whole nodes of 4: ask for at most 4, or 8, 12 or 16 GPUs.`,
    });
    expect(await writtenFor(tenant)).toEqual(before);
    // The form's preview says the same before anything is submitted.
    const preview = await failureOf(
      caller.workloads.preview({
        organizationId: tenant.org.id,
        projectId: tenant.project.id,
        allocationLineId: tenant.line.id,
        quantity: 6,
        walltimeSeconds: 600,
      }),
    );
    expect(preview).toEqual(failure);
  });

  it("is accepted at 8 GPUs as two whole nodes, and the launch asks for them", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100, capacity: 16, unitsPerNode: 4 });
    const caller = callerFor(tenant.owner);
    const job = await caller.workloads.submit(submitInput(tenant, { quantity: 8 }));
    expect(job.status).toBe("ACCEPTED");
    const workload = await db.workload.findUniqueOrThrow({ where: { id: job.id } });
    expect(workload).toMatchObject({ clusterId: tenant.cluster.id, quantity: 8 });
    const context = await loadLaunchContext(db, job.id);
    expect(context?.mapping).toMatchObject({ capacity: 16, unitsPerNode: 4 });
    // The launch asks for the nodes the job was accepted for.
    const built = buildSubmitRequest(context!, "t_test");
    expect(built.ok && built.request).toMatchObject({
      quantity: 8,
      nodes: { nodes: 2, unitsPerNode: 4 },
    });
  });

  it("fills a template's {{nodes}} and {{gpusPerNode}} with the job's nodes", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100, capacity: 16, unitsPerNode: 4 });
    const template = await db.jobTemplate.create({
      data: {
        code: `ddp-nodes-${tenant.org.id}`,
        name: "PyTorch DDP on nodes",
        description: "Distributed data parallel",
        kind: "PYTORCH_DDP",
        script:
          "#!/bin/bash\nsrun torchrun --nnodes={{nodes}} --nproc-per-node={{gpusPerNode}} {{command}} # {{gpus}}\n",
      },
    });
    const caller = callerFor(tenant.owner);
    const submit = (quantity: number) =>
      caller.workloads.submit({
        ...submitInput(tenant, { quantity }),
        source: { type: "template", templateId: template.id, command: "train.py" },
      });
    const scriptOf = async (id: string) =>
      ((await db.workload.findUniqueOrThrow({ where: { id } })).spec as { script: string }).script;
    expect(await scriptOf((await submit(12)).id)).toBe(
      "#!/bin/bash\nsrun torchrun --nnodes=3 --nproc-per-node=4 train.py # 12\n",
    );
    expect(await scriptOf((await submit(3)).id)).toBe(
      "#!/bin/bash\nsrun torchrun --nnodes=1 --nproc-per-node=3 train.py # 3\n",
    );
  });

  it("keeps one node, as before, on a cluster that records no units per node", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100, capacity: 16 });
    const job = await callerFor(tenant.owner).workloads.submit(
      submitInput(tenant, { quantity: 6 }),
    );
    expect(job.status).toBe("ACCEPTED");
    expect((await loadLaunchContext(db, job.id))?.mapping?.unitsPerNode).toBeNull();
  });

  it("is described to the form: the clusters that run the class, with their nodes", async () => {
    const tenant = await createLaunchReadyTenant({ unitHours: 100, capacity: 16, unitsPerNode: 4 });
    const options = await callerFor(tenant.owner).workloads.formOptions({
      organizationId: tenant.org.id,
    });
    const line = options.lines.find((l) => l.allocationLineId === tenant.line.id);
    expect(line?.jobClusters).toEqual([
      { name: tenant.cluster.name, capacity: 16, unitsPerNode: 4 },
    ]);
  });
});
