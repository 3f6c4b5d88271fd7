import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverEnvSchema } from "./server-env";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");

/** Rows of the table under README's "## Configuration" heading: variable name → default cell. */
function configurationTable(markdown: string): Map<string, string> {
  const start = markdown.indexOf("\n## Configuration");
  if (start < 0) throw new Error('README.md has no "## Configuration" section');
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf("\n## ", 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows = new Map<string, string>();
  for (const line of section.split("\n")) {
    const match = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|([^|]*)\|/.exec(line.trim());
    if (match) rows.set(match[1]!, match[2]!.trim());
  }
  return rows;
}

const documented = configurationTable(readme);
const variables = Object.keys(serverEnvSchema.shape).sort();
// Parsing an empty environment yields every default the schema has.
const defaults = serverEnvSchema.parse({}) as Record<string, unknown>;

describe("README configuration table", () => {
  it("lists every variable serverEnv() reads, and nothing else", () => {
    expect([...documented.keys()].sort()).toEqual(variables);
  });

  it("shows each default that is written as a literal exactly as the schema has it", () => {
    for (const [name, cell] of documented) {
      const literal = /^`([^`]*)`$/.exec(cell);
      if (!literal) continue;
      expect(`${name}=${literal[1]}`).toBe(`${name}=${String(defaults[name])}`);
    }
  });

  it("marks variables without a default with a dash", () => {
    for (const name of variables.filter((variable) => defaults[variable] === undefined)) {
      expect(`${name}=${documented.get(name)}`).toBe(`${name}=—`);
    }
  });
});
