/**
 * Demo work for `infra/up.sh` (`pnpm db:seed --demo-jobs`): a few training jobs of the demo
 * researcher's organisation and one inference endpoint, submitted through the same domain
 * functions as the portal's forms. The worker, started right after, launches them on the
 * simulated cluster, so the job list shows jobs queued, running, completed and failed within the
 * first minute, and the endpoint answers through the simulated model server. Nothing is
 * submitted of a kind the organisation has already.
 */
import { tenantScoped, type Database } from "@tessera/db";
import type { Actor } from "../src/actor";
import { deployEndpoint } from "../src/endpoints/deploy-endpoint";
import { submitWorkload } from "../src/workloads/submit-workload";

interface DemoJob {
  name: string;
  project: string;
  resourceClass: string;
  quantity: number;
  walltimeSeconds: number;
  simSeconds: number;
  command?: string;
  script?: string;
}

const HOUR = 3600;

const DEMO_JOBS: DemoJob[] = [
  {
    name: "Tokenizer vocabulary sweep",
    project: "Multilingual speech models",
    resourceClass: "h100-80gb",
    quantity: 1,
    walltimeSeconds: HOUR,
    simSeconds: 40,
    command: "python sweep_vocab.py --sizes 16k,32k,64k",
  },
  {
    name: "Speech encoder pre-training, stage 1",
    project: "Multilingual speech models",
    resourceClass: "h100-80gb",
    quantity: 2,
    walltimeSeconds: 8 * HOUR,
    simSeconds: 3600,
    command: "python pretrain.py --config configs/stage1.yaml",
  },
  {
    name: "Shard validation",
    project: "Multilingual speech models",
    resourceClass: "h100-80gb",
    quantity: 1,
    walltimeSeconds: HOUR,
    simSeconds: 25,
    script: [
      "#!/bin/bash",
      "echo 'Checking 1,204 shards'",
      "echo 'shard-0871.tar: checksum mismatch' >&2",
      "exit 3",
      "",
    ].join("\n"),
  },
  {
    name: "Log-mel feature extraction",
    project: "Multilingual speech models",
    resourceClass: "cpu-core",
    quantity: 16,
    walltimeSeconds: 2 * HOUR,
    simSeconds: 90,
    command: "python extract_features.py --workers 16",
  },
];

export async function seedDemoJobs(
  database: Database,
  actor: Actor,
  organizationId: string,
): Promise<{ jobs: number; endpoints: number }> {
  // Each kind is submitted once: jobs when the organisation has none, the endpoint likewise.
  const count = (kind: "TRAINING_JOB" | "INFERENCE_ENDPOINT") =>
    database.workload.count({ where: { organizationId, kind } });
  const wantJobs = (await count("TRAINING_JOB")) === 0;
  const wantEndpoint = (await count("INFERENCE_ENDPOINT")) === 0;
  const submitted = { jobs: 0, endpoints: 0 };
  if (!wantJobs && !wantEndpoint) return submitted;
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: organizationId },
  });
  const tenant = {
    organization,
    role: "OWNER" as const,
    db: tenantScoped(database, organizationId),
  };
  const template = await database.jobTemplate.findUniqueOrThrow({ where: { code: "batch" } });
  for (const job of wantJobs ? DEMO_JOBS : []) {
    const project = await database.project.findFirst({
      where: { organizationId, name: job.project },
    });
    const line = await database.allocationLine.findFirst({
      where: {
        allocation: { organizationId, validTo: { gt: new Date() } },
        resourceClass: { code: job.resourceClass },
      },
      orderBy: { grantedUnitSeconds: "asc" },
    });
    if (!project || !line) continue;
    await submitWorkload(tenant, actor, {
      projectId: project.id,
      allocationLineId: line.id,
      name: job.name,
      quantity: job.quantity,
      walltimeSeconds: job.walltimeSeconds,
      simSeconds: job.simSeconds,
      source: job.script
        ? { type: "script", script: job.script }
        : { type: "template", templateId: template.id, command: job.command ?? "" },
    });
    submitted.jobs += 1;
  }
  // One small chat model on the CPU tier: it answers through the simulated model server.
  const project = await database.project.findFirst({
    where: { organizationId, name: DEMO_ENDPOINT.project },
  });
  const line = await database.allocationLine.findFirst({
    where: {
      allocation: { organizationId, validTo: { gt: new Date() } },
      resourceClass: { code: DEMO_ENDPOINT.resourceClass },
    },
  });
  const model = await database.model.findUnique({ where: { name: DEMO_ENDPOINT.model } });
  const runtime = await database.servingRuntime.findUnique({
    where: { code: DEMO_ENDPOINT.runtime },
  });
  if (wantEndpoint && project && line && model && runtime) {
    await deployEndpoint(tenant, actor, {
      name: DEMO_ENDPOINT.name,
      projectId: project.id,
      allocationLineId: line.id,
      modelId: model.id,
      runtimeId: runtime.id,
      unitsPerReplica: DEMO_ENDPOINT.unitsPerReplica,
      // Scales to zero after half an hour without a request, and wakes on the next one.
      minReplicas: 0,
      maxReplicas: 2,
      replicas: 1,
      idleSecondsBeforeZero: 30 * 60,
      // The demo's operator accepts the licence's restrictions as the catalogue states them.
      acceptedRestrictions: model.restrictions,
    });
    submitted.endpoints += 1;
  }
  return submitted;
}

const DEMO_ENDPOINT = {
  name: "Speech-lab assistant",
  project: "Multilingual speech models",
  resourceClass: "cpu-core",
  model: "tessera-demo/tiny-chat-0.5b-instruct",
  runtime: "llamacpp-cpu",
  unitsPerReplica: 4,
};
