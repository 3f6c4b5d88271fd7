import type { ApiKeyFormOptions, ApiKeyView } from "./types";

/** What stands in for the model when the organisation has none to call yet. */
export const MODEL_PLACEHOLDER = "<model>";

/**
 * A model the key can call, for its example: the first it is limited to, else the model of the
 * first endpoint it is limited to, else any the organisation's endpoints serve, else a shared
 * model it holds tokens for; null when none.
 */
export function exampleModel(
  key: Pick<ApiKeyView, "allowedModels" | "endpoints">,
  options: Pick<ApiKeyFormOptions, "endpoints" | "models" | "sharedModels">,
): string | null {
  if (key.allowedModels[0]) return key.allowedModels[0];
  const endpointIds = new Set(key.endpoints.map((endpoint) => endpoint.id));
  const endpoint = options.endpoints.find((e) => endpointIds.has(e.id));
  if (endpoint) return endpoint.model;
  if (options.models[0]) return options.models[0];
  // A key limited to endpoints cannot reach the shared ones.
  return key.endpoints.length === 0 ? (options.sharedModels[0] ?? null) : null;
}

/**
 * The shell variable the examples read the key from where the secret itself is not on screen (it
 * is shown once, when a key is created): in double quotes, so that the shell substitutes it.
 */
export const API_KEY_VARIABLE = "$TESSERA_API_KEY";

/**
 * The ready-to-run request people copy: a chat completion through the gateway (`baseUrl` is
 * gatewayBaseUrl of the configured GATEWAY_URL) with the key as a bearer token. Tenants call
 * every model this way, never a model server directly: the gateway checks the key and meters.
 */
export function gatewayCurl(baseUrl: string, secretKey: string, model: string): string {
  const body = JSON.stringify({ model, messages: [{ role: "user", content: "Hello" }] });
  return [
    `curl "${baseUrl.replace(/\/+$/, "")}/chat/completions" \\`,
    `  -H "Authorization: Bearer ${secretKey}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join("\n");
}
