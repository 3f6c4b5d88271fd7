/**
 * Regenerates README's screenshot (docs/screenshot-dashboard.png) from the built portal, with the
 * same servers, database and worker as the end-to-end tests: `pnpm docs:screenshot` (build the
 * web app first: `pnpm --filter @tessera/web build`). Not part of the test suite.
 */
import { defineConfig } from "@playwright/test";
import e2e from "../playwright.config";

export default defineConfig({
  ...e2e,
  testDir: ".",
  testMatch: /.*\.screenshot\.ts$/,
  reporter: [["list"]],
  workers: 1,
});
