import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (pure logic, beside the code as *.test.ts) and `integration`
 * (*.integration.test.ts, against the real PostgreSQL and Redis named by TEST_DATABASE_URL /
 * REDIS_URL; the global setup migrates a dedicated test database first).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/*/src/**/*.test.ts",
            "infra/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
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
    ],
  },
});
