/** Reads vitest and Playwright JSON reports into passed/failed counts, and names what failed. */
import { z } from "zod";

const vitestReport = z.object({
  numPassedTests: z.number().int(),
  numFailedTests: z.number().int(),
  testResults: z
    .array(
      z.object({
        name: z.string().default(""),
        message: z.string().default(""),
        status: z.string().default(""),
        assertionResults: z
          .array(
            z.object({
              fullName: z.string().default(""),
              status: z.string(),
              failureMessages: z.array(z.string()).nullish(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

/** One spec's run in one Playwright project: Playwright's verdict and each attempt. */
interface PlaywrightTest {
  /** "expected", "unexpected", "flaky" or "skipped". */
  status?: string;
  results?: { status?: string; error?: { message?: string } }[];
}

interface PlaywrightSuite {
  title?: string;
  file?: string;
  specs?: {
    title: string;
    line?: number;
    tests?: PlaywrightTest[];
  }[];
  suites?: PlaywrightSuite[];
}

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number().int(),
    unexpected: z.number().int(),
    flaky: z.number().int(),
  }),
  errors: z.array(z.object({ message: z.string().optional() }).passthrough()).default([]),
  suites: z.array(z.custom<PlaywrightSuite>((value) => typeof value === "object")).default([]),
});

export interface Counts {
  passed: number;
  failed: number;
}

/** One failed test: where it is and the first line of why. */
export interface Failure {
  test: string;
  reason: string;
}

/** Reads one report; Playwright's flaky tests passed in the end, its top-level errors count as failures. */
export function countReport(json: unknown): Counts {
  const vitest = vitestReport.safeParse(json);
  if (vitest.success)
    return { passed: vitest.data.numPassedTests, failed: vitest.data.numFailedTests };
  const playwright = playwrightReport.safeParse(json);
  if (playwright.success) {
    const { stats, errors } = playwright.data;
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected + errors.length };
  }
  throw new Error("not a vitest or Playwright JSON report");
}

// Terminal colours in error messages would make the list unreadable in a log.
// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

function firstLine(text: string | undefined): string {
  const line = (text ?? "")
    .replace(ansi, "")
    .split("\n")
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  if (!line) return "(no message)";
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}

/**
 * Names each spec with a test that `counts` (one failed, one flaky…), with the first failure among
 * that test's own attempts: a spec's run in another project does not lend it its reason.
 */
function playwrightFailures(
  suite: PlaywrightSuite,
  file: string,
  into: Failure[],
  counts: (test: PlaywrightTest) => boolean,
): void {
  const where = suite.file ?? file;
  for (const spec of suite.specs ?? []) {
    const counted = (spec.tests ?? []).filter(counts);
    if (counted.length === 0) continue;
    const results = counted.flatMap((test) => test.results ?? []);
    const failed = results.find(
      (result) => result.status !== "passed" && result.status !== "skipped",
    );
    const location = spec.line ? `${where}:${spec.line}` : where;
    into.push({ test: `${location} › ${spec.title}`, reason: firstLine(failed?.error?.message) });
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, where, into, counts);
}

/** The tests one report says failed, in report order (empty for a report that is neither). */
export function failuresOf(json: unknown): Failure[] {
  const failures: Failure[] = [];
  const vitest = vitestReport.safeParse(json);
  if (vitest.success) {
    for (const file of vitest.data.testResults) {
      const failedTests = file.assertionResults.filter((test) => test.status === "failed");
      for (const test of failedTests) {
        failures.push({
          test: `${file.name} › ${test.fullName}`,
          reason: firstLine(test.failureMessages?.[0]),
        });
      }
      // A file that failed to load has no failed tests, only a message.
      if (failedTests.length === 0 && file.status === "failed") {
        failures.push({ test: file.name, reason: firstLine(file.message) });
      }
    }
    return failures;
  }
  const playwright = playwrightReport.safeParse(json);
  if (!playwright.success) return failures;
  for (const error of playwright.data.errors) {
    failures.push({ test: "(Playwright, outside any test)", reason: firstLine(error.message) });
  }
  for (const suite of playwright.data.suites) {
    playwrightFailures(suite, suite.file ?? "", failures, (test) => test.status === "unexpected");
  }
  return failures;
}

/**
 * The Playwright tests that failed and then passed on their retry, with why they failed first:
 * they count as passed, and are named so that a flaky test is seen and fixed, not forgotten.
 */
export function flakyOf(json: unknown): Failure[] {
  const flaky: Failure[] = [];
  const playwright = playwrightReport.safeParse(json);
  if (!playwright.success || vitestReport.safeParse(json).success) return flaky;
  for (const suite of playwright.data.suites)
    playwrightFailures(suite, suite.file ?? "", flaky, (test) => test.status === "flaky");
  return flaky;
}
