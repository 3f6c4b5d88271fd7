import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JobRow } from "./job-row";
import type { ListedUsageSoFar, WorkloadSummary } from "./types";

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

describe("a running job's Quota cell in the jobs list", () => {
  const running = {
    ...job,
    status: "RUNNING",
    statusReason: null,
    startedAt: new Date("2026-12-07T01:00:05Z"),
    heldUnitSeconds: 7_200,
  } as unknown as WorkloadSummary;
  const quotaCell = (soFar?: ListedUsageSoFar) =>
    renderToStaticMarkup(
      createElement(
        "table",
        null,
        createElement(
          "tbody",
          null,
          createElement(JobRow, { job: running, organizationId: "o1", now: null, soFar }),
        ),
      ),
    )
      .split("<td")
      .at(-1)!
      .replace(/^[^>]*>/, "")
      .replace(/<[^>]+>/g, "|")
      .split("|")
      .filter(Boolean);
  const computedAt = new Date("2026-12-07T21:02:00Z");

  it("says what it has used and what that costs so far, as its own page does", () => {
    // The job page's figures for the job: 0.861 GPU-hours, €2.54 at list price.
    expect(
      quotaCell({
        workloadId: "w1",
        unitSeconds: 3_099,
        cost: { currency: "EUR", listMinor: 254, programmeMinor: 178, tenantMinor: 76 },
        energyMilliWh: 602_583,
        computedAt,
      }),
    ).toEqual([
      "2 GPU-hours held",
      "0.861 GPU-hours so far",
      "€2.54 so far (list price)",
      "≈ 603 Wh so far",
    ]);
  });

  it("says the time without money to a role that may not read billing", () => {
    expect(
      quotaCell({
        workloadId: "w1",
        unitSeconds: 3_099,
        cost: null,
        energyMilliWh: 602_583,
        computedAt,
      }),
    ).toEqual(["2 GPU-hours held", "0.861 GPU-hours so far", "≈ 603 Wh so far"]);
  });

  it("says only what it holds before its use so far has been read", () => {
    expect(quotaCell()).toEqual(["2 GPU-hours held", "Energy not metered yet"]);
  });
});
