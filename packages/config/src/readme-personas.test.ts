import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERSONAS } from "./personas";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");

/** Emails in the table under README's "## Demo personas" heading. */
function documentedEmails(markdown: string): string[] {
  const start = markdown.indexOf("\n## Demo personas");
  if (start < 0) throw new Error('README.md has no "## Demo personas" section');
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf("\n## ", 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^\|[^|]*\|\s*`([^`]+@[^`]+)`\s*\|/gm)].map((match) => match[1]!);
}

describe("README demo personas table", () => {
  it("lists every persona the development identity provider offers, and nobody else", () => {
    expect(documentedEmails(readme).sort()).toEqual(PERSONAS.map((p) => p.email).sort());
  });
});
