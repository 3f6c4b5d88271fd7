import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TENANT_OWNED_MODELS } from "./tenant-scope";

const schemaDir = path.resolve(import.meta.dirname, "../../../prisma/schema");

/** Every model in the Prisma schema with the names of its fields, read from the schema files. */
function modelsInSchema(): Map<string, string[]> {
  const models = new Map<string, string[]>();
  for (const file of readdirSync(schemaDir).filter((name) => name.endsWith(".prisma"))) {
    const source = readFileSync(path.join(schemaDir, file), "utf8");
    for (const match of source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
      const fields = match[2]!
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("//") && !line.startsWith("@@"))
        .map((line) => line.split(/\s+/)[0]!);
      models.set(match[1]!, fields);
    }
  }
  return models;
}

describe("tenant-owned models", () => {
  const models = modelsInSchema();

  it("are read from a schema that has models", () => {
    expect(models.size).toBeGreaterThan(5);
    expect(models.get("Membership")).toContain("organizationId");
  });

  it("include every model that carries an organizationId", () => {
    const carriers = [...models]
      .filter(([, fields]) => fields.includes("organizationId"))
      .map(([name]) => name);
    const missing = carriers.filter(
      (name) => !(TENANT_OWNED_MODELS as readonly string[]).includes(name),
    );
    expect(
      missing,
      `add these models to TENANT_OWNED_MODELS in tenant-scope.ts: ${missing.join(", ")}`,
    ).toEqual([]);
  });

  it("name only models that exist and carry an organizationId", () => {
    for (const name of TENANT_OWNED_MODELS)
      expect(models.get(name), name).toContain("organizationId");
  });
});
