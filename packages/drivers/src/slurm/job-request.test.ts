import { describe, expect, it } from "vitest";
import { DriverError, type SubmitRequest } from "@tessera/core";
import {
  buildSlurmSubmission,
  installationIdFromSlurmComment,
  slurmCommentFor,
  slurmTimeLimitMinutes,
  workloadIdFromSlurmJob,
} from "./job-request";

const request = (overrides: Partial<SubmitRequest> = {}): SubmitRequest => ({
  workloadId: "cm3workload0001",
  displayName: "Speech encoder",
  account: "t_northbridge",
  resourceClassCode: "h100-80gb",
  mapping: { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 4 },
  quantity: 2,
  walltimeSeconds: 3601,
  script: "#!/bin/bash\nsrun python train.py\n",
  environment: { EPOCHS: "3" },
  ...overrides,
});

function refusal(call: () => unknown): DriverError {
  try {
    call();
  } catch (error) {
    if (error instanceof DriverError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("buildSlurmSubmission", () => {
  it("asks for the class's GRES times the quantity in its partition, named after the workload", () => {
    const { script, job } = buildSlurmSubmission(request(), "/var/spool/tessera-jobs");
    expect(script).toBe("#!/bin/bash\nsrun python train.py\n");
    expect(job).toMatchObject({
      name: "tessera-cm3workload0001",
      comment: "tessera workload cm3workload0001: Speech encoder",
      account: "t_northbridge",
      partition: "gpu",
      gres: "gpu:h100:2",
      nodes: [1, 1],
      time_limit: 61,
      current_working_directory: "/var/spool/tessera-jobs",
      standard_output: "/var/spool/tessera-jobs/%j.out",
      standard_error: "/var/spool/tessera-jobs/%j.out",
    });
    expect(job).not.toHaveProperty("cpus_per_task");
    expect(job.environment).toMatchObject({ EPOCHS: "3", TESSERA_WORKLOAD_ID: "cm3workload0001" });
    expect(job.environment.PATH).toContain("/usr/bin");
    expect(job.environment.HOME).toBe("/var/spool/tessera-jobs");
    expect(
      buildSlurmSubmission(request({ environment: { HOME: "/home/x" } }), "/jobs").job.environment
        .HOME,
    ).toBe("/home/x");
  });

  it("asks a job larger than a node for whole nodes, its GRES counted per node", () => {
    const gpu = { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 16, unitsPerNode: 4 };
    const { job } = buildSlurmSubmission(request({ mapping: gpu, quantity: 8 }), "/jobs");
    expect(job).toMatchObject({ nodes: [2, 2], tasks: 2, gres: "gpu:h100:4" });
    const three = buildSlurmSubmission(request({ mapping: gpu, quantity: 3 }), "/jobs").job;
    expect(three).toMatchObject({ nodes: [1, 1], tasks: 1, gres: "gpu:h100:3" });
    expect(
      buildSlurmSubmission(request({ mapping: gpu, quantity: 16 }), "/jobs").job,
    ).toMatchObject({ nodes: [4, 4], tasks: 4, gres: "gpu:h100:4" });
  });

  it("asks a CPU job larger than a node for whole nodes of its cores, one task each", () => {
    const cpu = { slurmPartition: "cpu", slurmGres: null, capacity: 256, unitsPerNode: 32 };
    const { job } = buildSlurmSubmission(
      request({ resourceClassCode: "cpu-core", mapping: cpu, quantity: 64 }),
      "/jobs",
    );
    expect(job).toMatchObject({ nodes: [2, 2], tasks: 2, cpus_per_task: 32 });
    expect(job).not.toHaveProperty("gres");
  });

  it("asks for the nodes the job was accepted for, even when the cluster's nodes changed since", () => {
    const gpu = { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 16, unitsPerNode: 8 };
    const nodes = { nodes: 2, unitsPerNode: 4 };
    const { job } = buildSlurmSubmission(request({ mapping: gpu, quantity: 8, nodes }), "/jobs");
    expect(job).toMatchObject({ nodes: [2, 2], tasks: 2, gres: "gpu:h100:4" });
  });

  it("keeps one node where the cluster records no units per node", () => {
    const { job } = buildSlurmSubmission(request({ quantity: 16 }), "/jobs");
    expect(job).toMatchObject({ nodes: [1, 1], tasks: 1, gres: "gpu:h100:16" });
  });

  it("refuses, not retryably, a job of more than a node that is not whole nodes", () => {
    const gpu = { slurmPartition: "gpu", slurmGres: "gpu:h100", capacity: 16, unitsPerNode: 4 };
    const error = refusal(() => buildSlurmSubmission(request({ mapping: gpu, quantity: 6 }), "/j"));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/not a whole number of nodes/);
  });

  it("asks a CPU class (no GRES) for CPUs per task", () => {
    const { job } = buildSlurmSubmission(
      request({
        resourceClassCode: "cpu-core",
        mapping: { slurmPartition: "cpu", slurmGres: null, capacity: 2 },
        quantity: 2,
      }),
      "/jobs/",
    );
    expect(job).toMatchObject({ partition: "cpu", tasks: 1, cpus_per_task: 2 });
    expect(job).not.toHaveProperty("gres");
    expect(job.standard_output).toBe("/jobs/%j.out");
  });

  it("refuses, not retryably, what Slurm could never accept", () => {
    const cases: Partial<SubmitRequest>[] = [
      { quantity: 0 },
      { walltimeSeconds: 0 },
      { account: "t-bad;rm" },
      { mapping: { slurmPartition: null, slurmGres: "gpu:h100", capacity: 4 } },
      { mapping: { slurmPartition: "gpu", slurmGres: "gpu h100", capacity: 4 } },
      { script: "echo no interpreter" },
      { environment: { "BAD-NAME": "x" } },
    ];
    for (const overrides of cases) {
      const error = refusal(() => buildSlurmSubmission(request(overrides), "/jobs"));
      expect(error.retryable).toBe(false);
    }
  });
});

describe("slurmTimeLimitMinutes", () => {
  it("rounds the walltime up to whole minutes, at least one", () => {
    expect(slurmTimeLimitMinutes(1)).toBe(1);
    expect(slurmTimeLimitMinutes(60)).toBe(1);
    expect(slurmTimeLimitMinutes(61)).toBe(2);
    expect(slurmTimeLimitMinutes(86_400)).toBe(1440);
  });
});

describe("workloadIdFromSlurmJob", () => {
  it("reads the workload from the job name, else from the comment", () => {
    expect(workloadIdFromSlurmJob("tessera-cm3workload0001", null)).toBe("cm3workload0001");
    expect(
      workloadIdFromSlurmJob("renamed", slurmCommentFor("cm3workload0002", "Speech encoder")),
    ).toBe("cm3workload0002");
    expect(workloadIdFromSlurmJob("interactive", "tessera workload cm3workload0003")).toBe(
      "cm3workload0003",
    );
  });

  it("does not claim jobs Tessera did not make", () => {
    expect(workloadIdFromSlurmJob("tessera-verify", null)).toBeNull();
    expect(workloadIdFromSlurmJob("train", "my own comment")).toBeNull();
    expect(workloadIdFromSlurmJob(null, null)).toBeNull();
  });

  it("names the installation that submitted the job, and reads it back", () => {
    const installation = "5f0c2d4e-93a1-4b7e-8c1d-2a6f0e9b7c31";
    const comment = slurmCommentFor("cm3workload0004", "Speech encoder", installation);
    expect(comment).toBe(`tessera workload cm3workload0004 in ${installation}: Speech encoder`);
    expect(workloadIdFromSlurmJob("renamed", comment)).toBe("cm3workload0004");
    expect(installationIdFromSlurmComment(comment)).toBe(installation);
    expect(
      installationIdFromSlurmComment(slurmCommentFor("cm3workload0005", "", installation)),
    ).toBe(installation);
    // Older jobs and hand-made ones name none.
    expect(
      installationIdFromSlurmComment(slurmCommentFor("cm3workload0006", "Old job")),
    ).toBeNull();
    expect(installationIdFromSlurmComment("my own comment")).toBeNull();
    expect(installationIdFromSlurmComment(null)).toBeNull();
    // An id that could break the comment's shape is left out rather than written.
    expect(slurmCommentFor("cm3workload0007", "x", "no spaces: allowed")).toBe(
      "tessera workload cm3workload0007: x",
    );
  });

  it("keeps the comment on one line and bounded", () => {
    const comment = slurmCommentFor("cm3workload0001", `line one\nline two ${"x".repeat(300)}`);
    expect(comment).not.toContain("\n");
    expect(comment.length).toBeLessThan(200);
  });
});
