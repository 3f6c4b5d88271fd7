import { parseArgs } from "node:util";
import { z } from "zod";
import { parseEnv, type EnvSource } from "@tessera/config";

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * Every setting the simulated model server reads, with its default. The README's table mirrors
 * this schema; `process.env` and `process.argv` are read only by main.ts, which passes them here.
 */
export const modelSimEnvSchema = z.object({
  MODEL_SIM_PORT: port.optional(),
  /** The port a container platform hands out; MODEL_SIM_PORT wins when both are set. */
  PORT: port.optional(),
  MODEL_SIM_HOST: z.string().min(1).default("127.0.0.1"),
  /** Comma-separated served model names; the first is used when a request names none. */
  MODEL_SIM_MODELS: z
    .string()
    .default("tessera-demo-7b")
    .transform((list) =>
      list
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name.length > 0),
    )
    .pipe(
      z
        .array(z.string().regex(MODEL_NAME, "model names are letters, digits and . _ : / -"))
        .min(1, "name at least one model"),
    ),
  MODEL_SIM_TTFT_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  MODEL_SIM_ITL_MS: z.coerce.number().int().min(0).max(10_000).default(20),
  MODEL_SIM_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(8_192).default(384),
  MODEL_SIM_MAX_MODEL_LEN: z.coerce.number().int().min(16).max(1_048_576).default(8_192),
  MODEL_SIM_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(67_108_864).default(1_048_576),
  MODEL_SIM_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export const DEFAULT_PORT = 3300;

export interface ModelSimConfig {
  host: string;
  port: number;
  models: readonly string[];
  ttftMs: number;
  itlMs: number;
  embeddingDimensions: number;
  maxModelLen: number;
  maxBodyBytes: number;
  shutdownGraceMs: number;
}

/**
 * The configuration from the environment, overridden by vLLM-style arguments
 * (`--port`, `--host`, `--served-model-name a b`) so the simulator starts like the server it
 * stands in for.
 */
export function loadConfig(env: EnvSource, argv: readonly string[] = []): ModelSimConfig {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "served-model-name": { type: "string", multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  const source: EnvSource = { ...env };
  if (values.port !== undefined) source.MODEL_SIM_PORT = values.port;
  if (values.host !== undefined) source.MODEL_SIM_HOST = values.host;
  if (values["served-model-name"] !== undefined) {
    source.MODEL_SIM_MODELS = values["served-model-name"].join(",");
  }
  const parsed = parseEnv(modelSimEnvSchema, source);
  return {
    host: parsed.MODEL_SIM_HOST,
    port: parsed.MODEL_SIM_PORT ?? parsed.PORT ?? DEFAULT_PORT,
    models: [...new Set(parsed.MODEL_SIM_MODELS)],
    ttftMs: parsed.MODEL_SIM_TTFT_MS,
    itlMs: parsed.MODEL_SIM_ITL_MS,
    embeddingDimensions: parsed.MODEL_SIM_EMBEDDING_DIMENSIONS,
    maxModelLen: parsed.MODEL_SIM_MAX_MODEL_LEN,
    maxBodyBytes: parsed.MODEL_SIM_MAX_BODY_BYTES,
    shutdownGraceMs: parsed.MODEL_SIM_SHUTDOWN_GRACE_MS,
  };
}
