/**
 * Regenerates README's screenshot (docs/screenshot-dashboard.png) from the built portal, with the
 * same servers, database and worker as the end-to-end tests: `pnpm docs:screenshot` (build the
 * web app first: `pnpm --filter @tessera/web build`). Not part of the test suite.
 */
import path from "node:path";
import { defineConfig } from "@playwright/test";
import e2e from "../playwright.config";

// The e2e configuration's paths are relative to the repository's root; this file is in e2e/.
const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  ...e2e,
  testDir: ".",
  globalSetup: path.join(root, "e2e/global-setup.ts"),
  outputDir: path.join(root, "test-results"),
  testMatch: /.*\.screenshot\.ts$/,
  reporter: [["list"]],
  workers: 1,
  // The servers' commands name files from the root, as the e2e configuration runs them.
  webServer: [e2e.webServer ?? []].flat().map((server) => ({ ...server, cwd: server.cwd ?? root })),
});
