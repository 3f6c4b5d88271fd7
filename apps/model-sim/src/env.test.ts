import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, modelSimEnvSchema } from "./env";

describe("loadConfig", () => {
  it("has defaults for a bare environment", () => {
    expect(loadConfig({})).toMatchObject({
      port: 3300,
      host: "127.0.0.1",
      models: ["tessera-demo-7b"],
      ttftMs: 200,
      itlMs: 20,
    });
  });

  it("reads the model list and ports, MODEL_SIM_PORT before PORT", () => {
    expect(
      loadConfig({ MODEL_SIM_MODELS: " tessera-demo-7b, other ,", PORT: "8000" }),
    ).toMatchObject({ models: ["tessera-demo-7b", "other"], port: 8000 });
    expect(loadConfig({ MODEL_SIM_PORT: "4000", PORT: "8000" }).port).toBe(4000);
  });

  it("takes vLLM-style arguments over the environment", () => {
    const config = loadConfig({ MODEL_SIM_MODELS: "from-env", MODEL_SIM_PORT: "1" }, [
      "--",
      "--port",
      "4010",
      "--served-model-name",
      "a",
      "--served-model-name",
      "b",
    ]);
    expect(config).toMatchObject({ port: 4010, models: ["a", "b"] });
  });

  it("refuses what it cannot use, naming every problem", () => {
    expect(() => loadConfig({ MODEL_SIM_MODELS: "bad name", MODEL_SIM_ITL_MS: "-1" })).toThrow(
      /MODEL_SIM_MODELS[\s\S]*MODEL_SIM_ITL_MS|MODEL_SIM_ITL_MS[\s\S]*MODEL_SIM_MODELS/,
    );
    expect(() => loadConfig({}, ["--unknown"])).toThrow();
  });

  it("is documented in the README, every variable", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../README.md"), "utf8");
    for (const name of Object.keys(modelSimEnvSchema.shape))
      expect(readme).toContain(`\`${name}\``);
  });
});
