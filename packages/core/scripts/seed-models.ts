/**
 * The demo open-model catalogue and its serving runtimes (pnpm db:seed, and the e2e seed through
 * it). Small models an endpoint on the simulated cluster can plausibly serve, each with its
 * provenance. The names are the demo catalogue's own; digests are the sha256 of each demo name, so
 * a fresh seed always writes the same ones. Registered `at` the catalogue's date. Idempotent.
 */
import { createHash } from "node:crypto";
import type { Database, ResourceKind, User } from "@tessera/db";
import { createModel } from "../src/models/create-model";
import { DEMO_MODELS as MODELS } from "./demo-models";

const REGISTRY = "registry.tessera.example/serving";

const RUNTIMES: {
  code: string;
  name: string;
  image: string;
  args: string[];
  port: number;
  healthPath: string;
  resourceKinds: ResourceKind[];
}[] = [
  {
    code: "vllm-gpu",
    name: "vLLM (GPU)",
    image: `${REGISTRY}/vllm-openai:0.8.5`,
    args: ["--model", "{{model}}", "--port", "8000", "--served-model-name", "{{model}}"],
    port: 8000,
    healthPath: "/health",
    resourceKinds: ["GPU", "MIG"],
  },
  {
    code: "vllm-cpu",
    name: "vLLM (CPU)",
    image: `${REGISTRY}/vllm-cpu:0.8.5`,
    args: ["--model", "{{model}}", "--port", "8000", "--device", "cpu"],
    port: 8000,
    healthPath: "/health",
    resourceKinds: ["CPU"],
  },
  {
    code: "llamacpp-cpu",
    name: "llama.cpp server (CPU)",
    image: `${REGISTRY}/llama-cpp-server:b4800`,
    args: ["--model", "/models/{{model}}.gguf", "--host", "0.0.0.0", "--port", "8080"],
    port: 8080,
    healthPath: "/health",
    resourceKinds: ["CPU"],
  },
];

export async function seedModels(
  database: Database,
  operator: Pick<User, "id" | "email">,
  at: Date,
): Promise<number> {
  for (const runtime of RUNTIMES) {
    await database.servingRuntime.upsert({
      where: { code: runtime.code },
      create: runtime,
      update: {},
    });
  }
  const actor = { userId: operator.id, email: operator.email, ip: null, userAgent: "tessera-seed" };
  let created = 0;
  for (const model of MODELS) {
    if (await database.model.findUnique({ where: { name: model.name } })) continue;
    await createModel(
      database,
      actor,
      {
        ...model,
        weightsSha256: createHash("sha256").update(model.name).digest("hex"),
        sourceUrl: `https://models.tessera.example/${model.name}`,
        trainedByWorkloadId: null,
      },
      at,
    );
    created += 1;
  }
  return created;
}
