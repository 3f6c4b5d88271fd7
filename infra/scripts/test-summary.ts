/**
 * Adds up the JSON reports of vitest and Playwright and prints the one summary line CI reads:
 * `tests: N passed, N failed`. Missing reports (a stage that did not run) count as nothing.
 * Exits 1 when any test failed.
 *
 *   node --import tsx infra/scripts/test-summary.ts <report.json>...
 */
import { existsSync, readFileSync } from "node:fs";
import { countReport, type Counts } from "./count-test-report";

function main(files: string[]): void {
  const total: Counts = { passed: 0, failed: 0 };
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      const counts = countReport(JSON.parse(readFileSync(file, "utf8")));
      total.passed += counts.passed;
      total.failed += counts.failed;
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      total.failed += 1;
    }
  }
  console.info(`tests: ${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2));
