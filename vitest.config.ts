import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The web app's own import prefix (its tsconfig `paths`), so that its modules can be unit-tested. */
const webSource = fileURLToPath(new URL("./apps/web/src/", import.meta.url));

/**
 * Five projects: `unit` (pure logic, beside the code as *.test.ts), `integration`
 * (*.integration.test.ts, against the real PostgreSQL and Redis named by TEST_DATABASE_URL /
 * REDIS_URL; the global setup migrates a dedicated test database first), `slurm`
 * (*.slurm.test.ts, against the real Slurm cluster of infra/slurm/up.sh as well; it fails when
 * that cluster does not answer — it never skips), `k8s` (*.k8s.test.ts, against the real
 * Kubernetes control plane of infra/k8s/up.sh, failing the same way when it does not answer) and
 * `stripe` (*.stripe.test.ts, against Stripe's own mock server from infra/stripe-mock/up.sh; it
 * fails when that cannot start).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: [{ find: /^@\//, replacement: webSource }] },
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/*/src/**/*.test.ts",
            "infra/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: [
            "**/*.integration.test.ts",
            "**/*.slurm.test.ts",
            "**/*.k8s.test.ts",
            "**/*.stripe.test.ts",
            "**/node_modules/**",
          ],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "packages/*/src/**/*.integration.test.ts",
            "apps/*/src/**/*.integration.test.ts",
          ],
          exclude: ["**/node_modules/**"],
          environment: "node",
          globalSetup: ["./infra/test/global-setup.ts"],
          setupFiles: ["./infra/test/integration-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "slurm",
          include: ["packages/*/src/**/*.slurm.test.ts", "apps/*/src/**/*.slurm.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          // The database as for integration tests, then a refusal to start without a live cluster.
          globalSetup: ["./infra/test/global-setup.ts", "./infra/test/slurm-setup.ts"],
          setupFiles: ["./infra/test/integration-env.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: "forks",
          // One real cluster: test files take turns on it.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "k8s",
          include: [
            "packages/*/src/**/*.k8s.test.ts",
            "apps/*/src/**/*.k8s.test.ts",
            "bench/**/*.k8s.test.ts",
          ],
          exclude: ["**/node_modules/**"],
          environment: "node",
          globalSetup: ["./infra/test/global-setup.ts", "./infra/test/k8s-setup.ts"],
          setupFiles: ["./infra/test/integration-env.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: "forks",
          // One control plane, and one test kills its API server: files take turns.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "stripe",
          include: ["packages/*/src/**/*.stripe.test.ts", "apps/*/src/**/*.stripe.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          // The database as for integration tests, then Stripe's own mock server (started when it
          // does not answer; the tests fail when it cannot start — they never skip).
          globalSetup: ["./infra/test/global-setup.ts", "./infra/test/stripe-setup.ts"],
          setupFiles: ["./infra/test/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 900_000,
          pool: "forks",
        },
      },
    ],
  },
});
