import type { ModelSimConfig } from "../env";
import { modelNotFound } from "@tessera/openai";
import type { ModelMetrics, SimMetrics } from "../metrics";

export interface RouteContext {
  config: ModelSimConfig;
  metrics: SimMetrics;
}

/** The served model a request names, or the first one when it names none (as vLLM does). */
export function resolveModel(
  context: RouteContext,
  requested: string | null | undefined,
): { model: string; metrics: ModelMetrics } {
  const model = requested ?? context.config.models[0]!;
  const metrics = context.metrics.byModel.get(model);
  if (!metrics) throw modelNotFound(model);
  return { model, metrics };
}
