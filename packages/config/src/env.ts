import type { z } from "zod";

export type EnvSource = Record<string, string | undefined>;

/**
 * Validates an environment against a schema and fails with every problem listed at once,
 * so a misconfigured deployment says exactly what to fix instead of crashing later.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: EnvSource): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}
