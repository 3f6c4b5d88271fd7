/**
 * infra/up.sh's options, run as a person runs them: a mistyped option stops with the usage and
 * exit 2, and --fresh (which drops the database) refuses a DATABASE_URL other than the demo's
 * default unless that database is confirmed by name — before anything is started or touched.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// A server nobody answers at: were a refusal missing, the script would stop at "not reachable"
// instead of going on to start anything.
const ELSEWHERE = "postgresql://postgres@tessera-nowhere.invalid:5432/someone_elses_db";

function up(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync("bash", ["infra/up.sh", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("infra/up.sh options", () => {
  it("explains --fresh in its help", () => {
    const run = up(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: bash infra\/up\.sh/);
    expect(run.stdout).toMatch(/--fresh\s+Start from a clean demo: drop and recreate/);
  });

  it.each([["--frsh"], ["fresh"], ["--confirm-drop="], ["--fresh", "--verbose"]])(
    "stops on an unknown option (%s) with the usage and exit 2",
    (...args) => {
      const run = up(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("infra/up.sh: unknown option");
      expect(run.stderr).toContain("Usage: bash infra/up.sh");
      expect(run.stdout).toBe("");
    },
  );

  it("takes --confirm-drop only with --fresh", () => {
    const run = up(["--confirm-drop=tessera"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--confirm-drop only goes with --fresh");
  });

  it("refuses to drop a database other than the demo's without its name confirmed", () => {
    for (const args of [["--fresh"], ["--fresh", "--confirm-drop=tessera"]]) {
      const run = up(args, { DATABASE_URL: ELSEWHERE });
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.stderr).toContain(
        "--fresh drops the database, and DATABASE_URL names postgresql://postgres@tessera-nowhere.invalid:5432/someone_elses_db, not the demo database",
      );
      expect(run.stderr).toContain("add --confirm-drop=someone_elses_db");
      expect(run.stderr).not.toContain("not reachable");
    }
  }, 120_000);

  it("goes ahead with --fresh when the database is confirmed by name", () => {
    // Past the check, it tries to reach the server (which does not answer) and stops there.
    const run = up(["--fresh", "--confirm-drop=someone_elses_db"], { DATABASE_URL: ELSEWHERE });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("--fresh drops the database");
    expect(run.stderr).toContain("is not reachable");
  }, 60_000);
});
