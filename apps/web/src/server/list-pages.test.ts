import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const APP = fileURLToPath(new URL("../app/", import.meta.url));

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name === "page.tsx" ? [path] : [];
  });
}

/** The text of each `load(…)` call in a source: from the name to its closing parenthesis. */
function loadCalls(source: string): string[] {
  const calls: string[] = [];
  for (const match of source.matchAll(/\bload\(/g)) {
    let depth = 0;
    for (let i = match.index + "load".length; i < source.length; i += 1) {
      if (source[i] === "(") depth += 1;
      if (source[i] === ")") depth -= 1;
      if (depth === 0) {
        calls.push(source.slice(match.index, i + 1));
        break;
      }
    }
  }
  return calls;
}

describe("list pages", () => {
  it("finds the load calls of a source", () => {
    const source =
      "const a = await load((api) => api.x.list({ cursor }));\nloadIfAllowed((api) => b());";
    expect(loadCalls(source)).toEqual(["load((api) => api.x.list({ cursor }))"]);
  });

  // `load` turns the API's "that page link is no longer valid" into the generic error page; a
  // page that takes a cursor from the address loads its list with loadIfAllowed and says so itself.
  it("loads no list by a cursor from the address with load()", () => {
    const found = pages(APP).flatMap((path) =>
      loadCalls(readFileSync(path, "utf8"))
        .filter((call) => /cursor/i.test(call))
        .map((call) => `${path.slice(APP.length)}: ${call}`),
    );
    expect(found).toEqual([]);
  });
});
