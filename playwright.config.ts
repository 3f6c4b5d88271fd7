/**
 * End-to-end tests: the built portal (`next start`) and the development identity provider,
 * driven in Debian's Chromium as the personas would use them.
 *
 * - Database: a dedicated `tessera_e2e` database on the same server as DATABASE_URL (or
 *   E2E_DATABASE_URL), migrated and seeded by e2e/global-setup.ts; demo data is never touched.
 * - Ports 3100 (web), 3101 (identity provider), 3102 (the worker's /healthz), 3103 (the
 *   simulated model server, serving the demo catalogue's models) and 3104 (a stand-in for
 *   Stripe's API that keeps state, e2e/support/stripe-stand-in.ts), so a running
 *   `pnpm dev` stack does not clash; queues under the prefix `tessera_e2e` (emptied before a run).
 * - The worker tier (`pnpm --filter @tessera/worker start`) is started by e2e/global-setup.ts once
 *   the database is seeded, and stopped after the run.
 * - Build: infra/test.sh builds the web app before this runs (`pnpm --filter @tessera/web build`).
 *   When apps/web/.next has no build yet, the web server command builds it first (about a
 *   minute). A stale build is NOT rebuilt: after changing the web app, build it again.
 *
 * Run: `pnpm exec playwright test` from the repository root.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { DEMO_MODEL_NAMES } from "./packages/core/scripts/demo-models";

// Overridable so two checkouts can run their suites side by side on one machine.
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3101);
const WORKER_PORT = Number(process.env.E2E_WORKER_PORT ?? 3102);
const MODEL_SIM_PORT = Number(process.env.E2E_MODEL_SIM_PORT ?? WEB_PORT + 3);
const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? WEB_PORT + 5);
const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? WEB_PORT + 4);
const QUEUE_PREFIX = process.env.E2E_QUEUE_PREFIX ?? "tessera_e2e";
const root = import.meta.dirname;

function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@localhost:5432/tessera");
  url.pathname = "/tessera_e2e";
  return url.toString();
}

export const E2E = {
  baseURL: `http://localhost:${WEB_PORT}`,
  issuer: `http://localhost:${IDP_PORT}`,
  /** The simulated model server every endpoint on the simulated cluster is served by. */
  modelServer: `http://127.0.0.1:${MODEL_SIM_PORT}`,
  /** The OpenAI-compatible gateway, started by the global setup after the seed. */
  gateway: `http://127.0.0.1:${GATEWAY_PORT}`,
  /** The stand-in for Stripe's API (e2e/support/stripe-stand-in.ts): it remembers what it is told. */
  stripe: `http://127.0.0.1:${STRIPE_PORT}`,
  /** What the webhook route checks Stripe's signatures with. */
  stripeWebhookSecret: "whsec_tessera_e2e_stand_in",
  databaseUrl: e2eDatabaseUrl(),
};

// Both servers read their configuration from these (see packages/config/src/server-env.ts).
const serverEnvironment: Record<string, string> = {
  DATABASE_URL: E2E.databaseUrl,
  APP_URL: E2E.baseURL,
  OIDC_ISSUER: E2E.issuer,
  DEV_IDP_PORT: String(IDP_PORT),
  AUTH_SECRET: "tessera-e2e-secret-not-for-production-4f1c9a7b2d",
  MAIL_TRANSPORT: "outbox",
  // The invitation links are read from the development outbox, as a developer would.
  DEV_OUTBOX_ENABLED: "true",
  RATE_LIMIT_DISABLED: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  // The operations page reads the worker's queues under this prefix.
  QUEUE_PREFIX,
  // Endpoints on the simulated cluster are served by the simulated model server below, and
  // become ready within a test's patience.
  SIM_MODEL_SERVER_URL: E2E.modelServer,
  SIM_ENDPOINT_READY_SECONDS: "3",
  // The key page's example request names the e2e gateway.
  GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}`,
  // Tenants' shares go to the Stripe stand-in; its webhook events are signed with this secret.
  STRIPE_SECRET_KEY: "sk_test_tessera_e2e_stand_in",
  STRIPE_API_URL: E2E.stripe,
  STRIPE_WEBHOOK_SECRET: E2E.stripeWebhookSecret,
};
process.env.E2E_DATABASE_URL = E2E.databaseUrl;
// For e2e/global-setup.ts, which starts the worker tier after seeding. It polls quickly so that
// jobs on the simulated cluster move within a test's patience.
process.env.E2E_WORKER = JSON.stringify({
  env: {
    ...serverEnvironment,
    WORKER_HEALTH_PORT: String(WORKER_PORT),
    WORKER_POLL_MS: "500",
    RECONCILE_EVERY_MS: "5000",
    // A month that is over is invoiced (and pushed to Stripe) within a test's patience.
    BILLING_EVERY_MS: "2000",
    INVOICE_GRACE_DAYS: "0",
    LOG_LEVEL: "info",
  },
  healthUrl: `http://localhost:${WORKER_PORT}/healthz`,
});
process.env.E2E_GATEWAY = JSON.stringify({
  env: {
    DATABASE_URL: E2E.databaseUrl,
    REDIS_URL: serverEnvironment.REDIS_URL,
    QUEUE_PREFIX,
    GATEWAY_REFRESH_MS: "500",
  },
  port: GATEWAY_PORT,
});

const built = existsSync(path.join(root, "apps/web/.next/BUILD_ID"));
const startWeb = `pnpm --filter @tessera/web exec next start -p ${WEB_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  // Under CI a test that fails is run once more: one that passes then is "flaky", counted as
  // passed and named in the run's summary (infra/scripts/test-summary.ts) so it gets fixed.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.baseURL,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 900 } } },
  ],
  webServer: [
    {
      command: "pnpm --filter @tessera/dev-idp start",
      url: `${E2E.issuer}/.well-known/openid-configuration`,
      env: serverEnvironment,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "pnpm --filter @tessera/model-sim start",
      url: `${E2E.modelServer}/health`,
      env: {
        MODEL_SIM_PORT: String(MODEL_SIM_PORT),
        MODEL_SIM_HOST: "127.0.0.1",
        MODEL_SIM_MODELS: DEMO_MODEL_NAMES.join(","),
        // Short delays: the e2e tests call it once and want the answer, not realism.
        MODEL_SIM_TTFT_MS: "20",
        MODEL_SIM_ITL_MS: "2",
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "node --import tsx e2e/support/stripe-stand-in.ts",
      url: `${E2E.stripe}/health`,
      env: { E2E_STRIPE_PORT: String(STRIPE_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: built ? startWeb : `pnpm --filter @tessera/web build && ${startWeb}`,
      url: `${E2E.baseURL}/signin`,
      env: serverEnvironment,
      reuseExistingServer: false,
      timeout: built ? 60_000 : 240_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
