import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JobPreview } from "./job-preview";
import { previewRequestOf } from "./preview-request";
import type { FormLine } from "./types";

const limits = { maxQuantity: 64, minWalltimeSeconds: 60, maxWalltimeSeconds: 7 * 24 * 3600 };

const line = (maxQuantity = 8) =>
  ({
    allocationLineId: "line-1",
    resourceClass: { id: "rc", code: "h100-80gb", name: "NVIDIA H100 80GB", unit: "GPU" },
    maxQuantity,
  }) as FormLine;

const request = (
  overrides: Partial<Parameters<typeof previewRequestOf>[0]> = {},
): ReturnType<typeof previewRequestOf> =>
  previewRequestOf({
    projectId: "project-1",
    line: line(),
    quantity: 2,
    walltimeSeconds: 3_600,
    limits,
    ...overrides,
  });

describe("what the job form asks the server to preview", () => {
  it("asks for a valid shape, as a stable key", () => {
    expect(request()).toEqual({
      kind: "ready",
      key: JSON.stringify({
        projectId: "project-1",
        allocationLineId: "line-1",
        quantity: 2,
        walltimeSeconds: 3_600,
      }),
    });
  });

  it("never asks for a size no cluster's nodes take, and says why instead", () => {
    const problem =
      "On Simulated cluster a job of more than 4 GPUs takes whole nodes of 4: ask for at most 4, or 8.";
    expect(request({ quantity: 6, nodeProblem: problem })).toEqual({ kind: "invalid", problem });
    expect(request({ quantity: 8, nodeProblem: null }).kind).toBe("ready");
  });

  it("waits for a project and an allocation line", () => {
    expect(request({ projectId: "" })).toEqual({ kind: "incomplete" });
    expect(request({ line: undefined })).toEqual({ kind: "incomplete" });
  });

  it("never asks with units or a walltime the API refuses, and says why instead", () => {
    expect(request({ quantity: 65 })).toEqual({
      kind: "invalid",
      problem:
        "You can use at most 8 GPUs in one job: the largest cluster that runs NVIDIA H100 80GB has 8.",
    });
    expect(request({ line: line(64), quantity: 65 })).toEqual({
      kind: "invalid",
      problem: "You can use at most 64 GPUs in one job.",
    });
    expect(request({ quantity: 0 })).toMatchObject({ kind: "invalid" });
    expect(request({ quantity: null })).toMatchObject({ kind: "invalid" });
    for (const walltimeSeconds of [null, 0, 59, 7 * 24 * 3600 + 60]) {
      const refused = request({ walltimeSeconds });
      expect(refused.kind).toBe("invalid");
      if (refused.kind === "invalid") expect(refused.problem).toMatch(/^Enter a walltime from /);
    }
  });

  it("still previews a line no cluster runs (the server says why), within the platform's limit", () => {
    expect(request({ line: line(0), quantity: 4 }).kind).toBe("ready");
    expect(request({ line: line(0), quantity: 65 }).kind).toBe("invalid");
  });

  it("shows the problem in the preview, in place of an answer", () => {
    const html = renderToStaticMarkup(
      createElement(JobPreview, {
        preview: undefined,
        unit: "GPU",
        pending: false,
        error: null,
        ready: true,
        problem: "You can use at most 64 GPUs in one job.",
      }),
    );
    expect(html).toContain("You can use at most 64 GPUs in one job.");
    expect(html).not.toContain("Working out what this job holds");
  });
});
