import { describe, expect, it } from "vitest";
import { gatewayBaseUrl } from "@tessera/config";
import { API_KEY_VARIABLE, gatewayCurl } from "./example";

describe("the gateway example", () => {
  it("is a curl of a chat completion with the key as a bearer token", () => {
    expect(gatewayCurl("http://127.0.0.1:3400/v1/", "tsk_abc_def", "org/model-1")).toBe(
      [
        `curl "http://127.0.0.1:3400/v1/chat/completions" \\`,
        `  -H "Authorization: Bearer tsk_abc_def" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '{"model":"org/model-1","messages":[{"role":"user","content":"Hello"}]}'`,
      ].join("\n"),
    );
  });

  it("is what an endpoint's page shows: the configured gateway, the key variable, its model", () => {
    const example = gatewayCurl(
      gatewayBaseUrl("https://gateway.compute.example.eu/"),
      API_KEY_VARIABLE,
      "tessera-demo/tiny-chat-0.5b-instruct",
    );
    const lines = example.split("\n");
    expect(lines[0]).toBe(`curl "https://gateway.compute.example.eu/v1/chat/completions" \\`);
    // In double quotes, so that the shell puts the key in; never a model server's own address.
    expect(lines[1]).toBe(`  -H "Authorization: Bearer $TESSERA_API_KEY" \\`);
    expect(JSON.parse(/-d '([^']+)'/.exec(example)![1]!)).toMatchObject({
      model: "tessera-demo/tiny-chat-0.5b-instruct",
    });
  });
});
