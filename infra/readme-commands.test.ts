/**
 * The README's commands work as written in a new shell: `source infra/env.sh` (which the README
 * says to run once per shell) puts a pnpm and Node 24 on PATH even when the login shell has
 * neither, and every `pnpm <script>` the README names is a script of the root package.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const scripts = Object.keys(
  (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: object })
    .scripts,
);

/** A login shell with only the machine's own PATH, as a person opening a terminal gets it. */
function freshShell(script: string): string {
  return execFileSync("env", ["-i", `HOME=${process.env.HOME ?? "/root"}`, "bash", "-lc", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("README commands in a new shell", () => {
  it("tells the reader to source infra/env.sh before the pnpm commands", () => {
    const paragraph = readme.indexOf("**In a new shell.**");
    expect(paragraph, "README has its 'In a new shell' paragraph").toBeGreaterThan(0);
    expect(readme.slice(paragraph, paragraph + 600)).toContain("source infra/env.sh");
    // Before it, only the quick start's own commands (which bootstrap themselves).
    expect(readme.slice(0, paragraph)).not.toMatch(/\bpnpm /);
    expect(readme).toMatch(/```bash\nsource infra\/env\.sh[^\n]*\npnpm bench:api/);
  });

  it("names only pnpm scripts that exist", () => {
    const named = [...readme.matchAll(/(?:`|^)pnpm ([a-z][a-z0-9:-]*)/gm)].map(
      (match) => match[1]!,
    );
    const ignored = new Set(["exec", "install"]);
    expect(named.length).toBeGreaterThan(3);
    for (const script of named.filter((name) => !ignored.has(name))) {
      // `pnpm bench:*` stands for every script with that prefix.
      const matches = script.endsWith(":")
        ? scripts.filter((name) => name.startsWith(script))
        : scripts.filter((name) => name === script);
      expect(matches.length, `pnpm ${script}`).toBeGreaterThan(0);
    }
  });

  it("finds pnpm and Node 24 after `source infra/env.sh`, and pnpm can run a bench script", () => {
    const out = freshShell(
      "source infra/env.sh && pnpm --version && node --version && pnpm exec tsx --version >/dev/null && echo tsx-ok",
    );
    const [pnpmVersion, nodeVersion] = out.trim().split("\n");
    expect(pnpmVersion).toMatch(/^10\./);
    expect(nodeVersion).toMatch(/^v24\./);
    expect(out).toContain("tsx-ok");
  }, 60_000);
});
