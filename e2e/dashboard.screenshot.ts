/**
 * README's screenshot: Ada Okafor's dashboard, with the demo training jobs running, at 1280 px.
 * Run by `pnpm docs:screenshot` (e2e/screenshot.config.ts), never by the test suite.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "./support/fixtures";

const root = path.resolve(import.meta.dirname, "..");
const output = path.join(root, "docs/screenshot-dashboard.png");

test("README's dashboard screenshot", async ({ signedIn }) => {
  test.setTimeout(180_000);
  // The quick start's demo jobs, so the dashboard shows work running as it does after up.sh.
  execFileSync("pnpm", ["--silent", "--filter", "@tessera/core", "seed", "--demo-jobs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const ada = await signedIn("researcher", "/dashboard");
  await ada.setViewportSize({ width: 1280, height: 940 });
  await ada.goto("/dashboard");
  await expect(ada.getByRole("heading", { level: 1 })).toBeVisible();
  // Let the worker pick the demo jobs up and live figures settle.
  await ada.waitForTimeout(8_000);
  await ada.reload();
  await ada.waitForLoadState("networkidle");
  await ada.screenshot({ path: output, animations: "disabled" });
});
