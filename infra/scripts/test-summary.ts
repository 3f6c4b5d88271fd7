/**
 * Adds up the JSON reports of vitest and Playwright and prints the one summary line CI reads:
 * `tests: N passed, N failed`. Missing reports (a stage that did not run) count as nothing.
 * Just above that line it names every failed test with the first line of its error, so that the
 * end of a long log says what to look at, and above them the end-to-end tests that passed only on
 * their retry. Exits 1 when any test failed.
 *
 *   node --import tsx infra/scripts/test-summary.ts <report.json>...
 */
import { existsSync, readFileSync } from "node:fs";
import { countReport, failuresOf, flakyOf, type Counts, type Failure } from "./count-test-report";

function main(files: string[]): void {
  const total: Counts = { passed: 0, failed: 0 };
  const failures: Failure[] = [];
  const flaky: Failure[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      const json: unknown = JSON.parse(readFileSync(file, "utf8"));
      const counts = countReport(json);
      total.passed += counts.passed;
      total.failed += counts.failed;
      failures.push(...failuresOf(json));
      flaky.push(...flakyOf(json));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`${file}: ${reason}`);
      failures.push({ test: file, reason });
      total.failed += 1;
    }
  }
  if (flaky.length > 0) {
    console.info(`\nFlaky: failed once, passed on the retry (${flaky.length}):`);
    for (const test of flaky) console.info(`  ! ${test.test}\n      ${test.reason}`);
  }
  if (failures.length > 0) {
    console.info(`\nFailed (${failures.length}):`);
    for (const failure of failures) console.info(`  ✗ ${failure.test}\n      ${failure.reason}`);
  }
  console.info(`tests: ${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2));
