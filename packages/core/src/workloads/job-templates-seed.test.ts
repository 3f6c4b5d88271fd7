import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { JOB_TEMPLATES } from "../../scripts/seed-programmes";
import { checkTemplateScript } from "./job-template-rules";
import { renderJobScript } from "./render-job-script";

/** Runs the platform's batch template, rendered, under bash with `env` as Slurm would set it. */
function runBatch(env: Record<string, string>, quantity: number): string[] {
  const template = JOB_TEMPLATES.find((item) => item.code === "batch")!;
  const script = renderJobScript(template.script, {
    image: "",
    command: "echo done",
    gpus: quantity,
    nodes: 1,
    gpusPerNode: quantity,
    jobName: "Tokeniser run",
  });
  const run = spawnSync("bash", ["--norc", "--noprofile", "-c", script], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout.trim().split("\n").slice(1);
}

describe("the job templates the platform provides", () => {
  it("has the DDP template start one torchrun per node on a job of several nodes", () => {
    const template = JOB_TEMPLATES.find((item) => item.code === "pytorch-ddp")!;
    const values = { image: "train:1", command: "python train.py", jobName: "Big run" };
    const wide = renderJobScript(template.script, { ...values, gpus: 8, nodes: 2, gpusPerNode: 4 });
    expect(wide).toContain("if [ 2 -gt 1 ]");
    expect(wide).toContain("torchrun --nnodes=2 --nproc-per-node=4");
    const narrow = renderJobScript(template.script, {
      ...values,
      gpus: 3,
      nodes: 1,
      gpusPerNode: 3,
    });
    expect(narrow).toContain("if [ 1 -gt 1 ]");
    expect(narrow).toContain("torchrun --standalone --nproc-per-node=3");
  });

  it("are scripts operators could have written", () => {
    for (const template of JOB_TEMPLATES) expect(checkTemplateScript(template.script)).toBeNull();
  });

  it("has the batch script name CPU cores on a CPU line and GPUs on a GPU line", () => {
    // Slurm gives a CPU job one task with cpus-per-task = its cores, and a GPU job its GPUs.
    expect(runBatch({ SLURM_CPUS_PER_TASK: "8" }, 8)).toEqual(["CPU cores: 8", "done"]);
    expect(runBatch({ CUDA_VISIBLE_DEVICES: "0,1" }, 2)).toEqual(["GPUs: 0,1", "done"]);
  });
});
