import { describe, expect, it } from "vitest";
import { countReport } from "./count-test-report";

describe("countReport", () => {
  it("reads vitest's JSON reporter totals", () => {
    expect(countReport({ numPassedTests: 41, numFailedTests: 2, numTotalTests: 43 })).toEqual({
      passed: 41,
      failed: 2,
    });
  });

  it("reads Playwright's stats, counting flaky as passed and unexpected as failed", () => {
    const report = { stats: { expected: 10, unexpected: 1, flaky: 2, skipped: 3 }, errors: [] };
    expect(countReport(report)).toEqual({ passed: 12, failed: 1 });
  });

  it("counts Playwright's global errors (a broken web server, say) as failures", () => {
    const report = {
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: "x" }],
    };
    expect(countReport(report)).toEqual({ passed: 0, failed: 1 });
  });

  it("refuses a file that is neither", () => {
    expect(() => countReport({ hello: "world" })).toThrow(/not a vitest or Playwright/);
  });
});
