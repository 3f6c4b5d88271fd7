/**
 * The base URL tenants give an OpenAI-compatible client: the configured GATEWAY_URL with the
 * gateway's `/v1` prefix. The portal's examples and the quick start's scripts all print this one.
 */
export function gatewayBaseUrl(gatewayUrl: string): string {
  return `${gatewayUrl.replace(/\/+$/, "")}/v1`;
}
