import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, loadConfig } from "./env";

describe("gateway settings", () => {
  it("defaults to port 3400 on the loopback address", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: DEFAULT_PORT, host: "127.0.0.1", prefix: "tessera" });
    expect(DEFAULT_PORT).toBe(3400);
  });

  it("prefers GATEWAY_PORT to PORT", () => {
    expect(loadConfig({ PORT: "8080" }).port).toBe(8080);
    expect(loadConfig({ PORT: "8080", GATEWAY_PORT: "9000" }).port).toBe(9000);
  });

  it("refuses a setting out of range with its name", () => {
    expect(() => loadConfig({ GATEWAY_MAX_BODY_BYTES: "12" })).toThrow(/GATEWAY_MAX_BODY_BYTES/);
    expect(() => loadConfig({ QUEUE_PREFIX: "a b" })).toThrow(/QUEUE_PREFIX/);
  });
});
