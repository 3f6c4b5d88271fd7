import { describe, expect, it } from "vitest";
import { gatewayBaseUrl } from "./gateway";
import { serverEnv } from "./server-env";

describe("gatewayBaseUrl", () => {
  it("is the configured gateway URL with /v1, whatever the trailing slashes", () => {
    expect(gatewayBaseUrl("https://gateway.tessera.example.gov")).toBe(
      "https://gateway.tessera.example.gov/v1",
    );
    expect(gatewayBaseUrl("http://127.0.0.1:4603//")).toBe("http://127.0.0.1:4603/v1");
  });

  it("follows GATEWAY_URL, not a fixed development port", () => {
    const env = serverEnv({ GATEWAY_URL: "https://api.compute.example.eu/" });
    expect(gatewayBaseUrl(env.GATEWAY_URL)).toBe("https://api.compute.example.eu/v1");
  });

  it("defaults to the development gateway at localhost, as the README and up.sh write it", () => {
    expect(gatewayBaseUrl(serverEnv({}).GATEWAY_URL)).toBe("http://localhost:3400/v1");
  });
});
