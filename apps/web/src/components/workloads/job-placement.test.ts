import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JobPlacement } from "./job-placement";
import type { WorkloadDetail } from "./types";

const job = {
  cluster: { code: "leo", name: "Leonardo", jurisdiction: "IT", kind: "SLURM" },
  placement: null,
} as unknown as WorkloadDetail;

describe("a job's placement card", () => {
  it("says the record cannot be read, and still names the cluster, when it has no decision", () => {
    const html = renderToStaticMarkup(createElement(JobPlacement, { job }));
    expect(html).toContain("Leonardo");
    expect(html).toContain("IT");
    expect(html).toContain(
      "The record of why this cluster was chosen cannot be read, so the clusters considered are not shown.",
    );
    expect(html).not.toContain("<table");
  });
});
