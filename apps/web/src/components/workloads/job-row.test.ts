import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JobRow } from "./job-row";
import type { WorkloadSummary } from "./types";

const job = {
  id: "w1",
  name: "Shard validation",
  status: "PENDING",
  statusReason: "Resources",
  quantity: 1,
  walltimeSeconds: 3_600,
  resourceClass: { code: "h100-80gb", name: "NVIDIA H100 80 GB", unit: "GPU" },
  project: { id: "p1", name: "Speech" },
  cluster: { code: "c1", name: "Leonardo", jurisdiction: "IT", kind: "SLURM" },
  externalId: "42",
  createdAt: new Date("2026-12-07T01:00:00Z"),
  submittedAt: new Date("2026-12-07T01:00:01Z"),
  startedAt: null,
  endedAt: null,
  heldUnitSeconds: 3_600,
  consumedUnitSeconds: null,
  exitCode: null,
  createdBy: { name: "Ada Okafor" },
  cancelRequestedAt: null,
  terminal: false,
  energy: null,
} as unknown as WorkloadSummary;

describe("a job's row in the jobs list", () => {
  const html = renderToStaticMarkup(
    createElement(
      "table",
      null,
      createElement("tbody", null, createElement(JobRow, { job, organizationId: "o1", now: null })),
    ),
  );

  it("shows its status once at each width: in its own cell on a phone, in the Status column from sm", () => {
    const cells = html.split("<td").slice(1);
    const withStatus = cells.filter((cell) => cell.includes(">Pending<"));
    expect(withStatus).toHaveLength(2);
    const [own, column] = withStatus as [string, string];
    // In the job's own cell, inside a wrapper hidden from sm on.
    const narrow = own.slice(own.indexOf('<span class="mt-1 block sm:hidden"'));
    expect(narrow).toMatch(
      /^<span class="mt-1 block sm:hidden"[^>]*>.*job-status-narrow">Pending</,
    );
    // The Status column's cell is hidden below sm.
    expect(column.slice(0, column.indexOf(">"))).toMatch(/class="[^"]*\bhidden sm:table-cell\b/);
  });

  it("keeps the scheduler's reason beside the status on a phone too", () => {
    const own = html.split("<td")[1]!;
    expect(own).toContain("(the scheduler says “Resources”)");
  });
});
