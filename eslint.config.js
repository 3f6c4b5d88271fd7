// Lints the root-level TypeScript (test and tooling config, infra helpers, benchmarks, e2e specs).
// Each workspace package lints itself with its own config; turbo runs both.
import { tesseraLint } from "@tessera/config/eslint";

export default [
  {
    ignores: [
      "apps/**",
      "packages/**",
      ".tools/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...tesseraLint(import.meta.dirname),
];
