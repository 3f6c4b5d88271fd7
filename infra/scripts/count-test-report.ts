/** Reads vitest and Playwright JSON reports into passed/failed counts. */
import { z } from "zod";

const vitestReport = z.object({
  numPassedTests: z.number().int(),
  numFailedTests: z.number().int(),
});

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number().int(),
    unexpected: z.number().int(),
    flaky: z.number().int(),
  }),
  errors: z.array(z.unknown()).default([]),
});

export interface Counts {
  passed: number;
  failed: number;
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
