import { describe, expect, it } from "vitest";
import { countReport, failuresOf, flakyOf } from "./count-test-report";

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

describe("failuresOf", () => {
  it("names vitest's failed tests with the first line of their message, and files that did not load", () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [
        {
          name: "/repo/a.test.ts",
          status: "failed",
          message: "",
          assertionResults: [
            { fullName: "a works", status: "passed", failureMessages: [] },
            {
              fullName: "a refuses",
              status: "failed",
              failureMessages: [
                "\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.test.ts:3",
              ],
            },
          ],
        },
        {
          name: "/repo/b.test.ts",
          status: "failed",
          message: "\nCannot find module x",
          assertionResults: [],
        },
      ],
    };
    expect(failuresOf(report)).toEqual([
      { test: "/repo/a.test.ts › a refuses", reason: "AssertionError: expected 1 to be 2" },
      { test: "/repo/b.test.ts", reason: "Cannot find module x" },
    ]);
  });

  it("walks Playwright's nested suites for specs that were not ok, with file and line", () => {
    const report = {
      stats: { expected: 1, unexpected: 1, flaky: 0, skipped: 0 },
      errors: [],
      suites: [
        {
          title: "budgets.spec.ts",
          file: "budgets.spec.ts",
          specs: [
            {
              title: "passes",
              ok: true,
              line: 4,
              tests: [{ status: "expected", results: [{ status: "passed" }] }],
            },
          ],
          suites: [
            {
              title: "a describe",
              specs: [
                {
                  title: "projects the month",
                  ok: false,
                  line: 20,
                  tests: [
                    {
                      status: "unexpected",
                      results: [
                        {
                          status: "timedOut",
                          error: { message: "Test timeout of 60000ms exceeded." },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(failuresOf(report)).toEqual([
      {
        test: "budgets.spec.ts:20 › projects the month",
        reason: "Test timeout of 60000ms exceeded.",
      },
    ]);
  });

  it("gives a spec that failed in one project and was flaky in another the reason it failed", () => {
    const report = {
      stats: { expected: 0, unexpected: 1, flaky: 1, skipped: 0 },
      errors: [],
      suites: [
        {
          file: "endpoints.spec.ts",
          specs: [
            {
              title: "deploys a model",
              ok: false,
              line: 12,
              tests: [
                {
                  status: "flaky",
                  results: [
                    { status: "failed", error: { message: "first try: toBeVisible() failed" } },
                    { status: "passed" },
                  ],
                },
                {
                  status: "unexpected",
                  results: [
                    { status: "failed", error: { message: "toHaveText() failed" } },
                    { status: "failed", error: { message: "toHaveText() failed again" } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(failuresOf(report)).toEqual([
      { test: "endpoints.spec.ts:12 › deploys a model", reason: "toHaveText() failed" },
    ]);
    expect(flakyOf(report)).toEqual([
      {
        test: "endpoints.spec.ts:12 › deploys a model",
        reason: "first try: toBeVisible() failed",
      },
    ]);
  });

  it("lists Playwright's errors outside any test, and nothing for a passing or unknown report", () => {
    const broken = {
      stats: { expected: 0, unexpected: 0, flaky: 0 },
      errors: [{ message: "Error: web server exited early" }],
    };
    expect(failuresOf(broken)).toEqual([
      { test: "(Playwright, outside any test)", reason: "Error: web server exited early" },
    ]);
    expect(failuresOf({ numPassedTests: 3, numFailedTests: 0, testResults: [] })).toEqual([]);
    expect(failuresOf({ hello: "world" })).toEqual([]);
  });
});

describe("flakyOf", () => {
  it("names the Playwright tests that passed only on their retry, with the first failure", () => {
    const spec = (title: string, status: string, ok: boolean) => ({
      title,
      ok,
      line: 7,
      tests: [
        {
          status,
          results: [
            { status: "failed", error: { message: "expect(locator).toBeVisible() failed" } },
            { status: "passed" },
          ],
        },
      ],
    });
    const report = {
      stats: { expected: 1, unexpected: 0, flaky: 1, skipped: 0 },
      errors: [],
      suites: [
        {
          file: "jobs.spec.ts",
          specs: [spec("runs a job", "flaky", true), spec("lists jobs", "expected", true)],
        },
      ],
    };
    expect(flakyOf(report)).toEqual([
      { test: "jobs.spec.ts:7 › runs a job", reason: "expect(locator).toBeVisible() failed" },
    ]);
    expect(failuresOf(report)).toEqual([]);
    expect(flakyOf({ numPassedTests: 1, numFailedTests: 0, testResults: [] })).toEqual([]);
  });
});
