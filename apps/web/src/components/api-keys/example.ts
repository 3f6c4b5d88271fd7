/** What stands in for the model when the organisation has none to call yet. */
export const MODEL_PLACEHOLDER = "<model>";

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
