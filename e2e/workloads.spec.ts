import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import {
  expectCancelTaken,
  fillJobForm,
  jobStatus,
  NORTHBRIDGE,
  openJobs,
  openOrganisation,
  PILOT_ALLOCATION,
  PILOT_LINE,
  setSimulatedRun,
  submitJob,
} from "./support/jobs";
import { fitsNarrowScreen } from "./support/layout";
import { markDocument, stillSameDocument } from "./support/live";
import { uniqueSuffix } from "./support/personas";

// Jobs on the simulated cluster move through the worker tier (outbox, queue, driver, observation);
// the page follows them by itself, so the assertions wait for what a person would see.
const MOVES = { timeout: 45_000 };

/**
 * What holds the pilot allocation's H100 line, as the allocations page lists it under the line
 * (other tests' jobs and endpoints may hold it too, so each test looks for its own by name).
 */
async function pilotHolders(page: Page, organizationId: string) {
  await page.goto(`/orgs/${organizationId}/allocations`);
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("link", { name: PILOT_ALLOCATION }) });
  await expect(card.getByTestId("allocation-line-h100-80gb")).toBeVisible();
  return card.getByTestId("allocation-holders-h100-80gb").getByTestId("holder");
}

test("a researcher submits a job from a template and follows it to completion without reloading", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const name = `Encoder pre-training ${suffix}`;
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);

  await test.step("the job list offers to submit a job", async () => {
    await openJobs(ada);
    await ada.getByRole("link", { name: "Submit a training job" }).first().click();
  });

  await test.step("the form previews the quota held and the cluster before submitting", async () => {
    await fillJobForm(ada, {
      name,
      project: "Multilingual speech models",
      gpus: "2",
      hours: "1",
      template: "PyTorch distributed (DDP)",
      command: "python train.py --epochs 1",
    });
    await expect(ada.getByLabel("Container image")).toHaveValue(
      "registry.tessera.localhost/ai/pytorch:24.10-py3",
    );
    const preview = ada.getByTestId("job-preview");
    await expect(preview.getByTestId("preview-quota")).toHaveText(
      /^This job will hold 2 GPU-hours; [\d.,]+ GPU-hours remain after it\.$/,
    );
    // Beside the submit button: what the hold is worth and who pays it. 2 GPU-hours at €2.95,
    // the national programme paying 70 %.
    await expect(preview.getByTestId("preview-cost")).toContainText(
      "The hold is worth €5.90 at list price (€2.95 per GPU-hour): the programme pays €4.13 and the organisation pays €1.77.",
    );
    await expect(preview.getByTestId("preview-placement")).toContainText(
      "It will run on Simulated cluster (EU).",
    );
    await expect(preview.getByTestId("preview-placement")).toContainText(
      "the project has no residency requirement",
    );
    await setSimulatedRun(ada, "10");
  });

  await test.step("the job page follows the job until it completes", async () => {
    await submitJob(ada, name);
    await markDocument(ada);
    await expect(jobStatus(ada)).toHaveText("Running", MOVES);
    await expect(ada.getByTestId("job-progress")).toContainText("of 1 h walltime");
    // Two GPUs fit on one of the simulated cluster's 4-GPU nodes.
    await expect(ada.getByText("1 node × 2 GPUs", { exact: true })).toBeVisible();
    // The template by the name the form offered it under, not its code.
    await expect(ada.getByRole("main")).toContainText("PyTorch distributed (DDP)");
    await expect(ada.getByTestId("job-backend-id")).not.toHaveText("Not yet known");
    await expect(jobStatus(ada)).toHaveText("Completed", MOVES);
    await expect(ada.getByTestId("job-announcement")).toHaveText(`${name} is now completed.`);
    expect(await stillSameDocument(ada), "the page was reloaded").toBe(true);
  });

  await test.step("the timeline, exit code and settled quota are shown", async () => {
    const timeline = ada.getByTestId("job-timeline");
    for (const status of ["ACCEPTED", "SUBMITTED", "RUNNING", "COMPLETED"])
      await expect(timeline.locator(`[data-status="${status}"]`).first()).toBeVisible();
    // Accepted, Started and Ended say the same instants as the timeline's accepted, start and end
    // entries (Accepted is when Tessera recorded the job; Submitted, its hand-over to the cluster).
    for (const [field, status] of [
      ["job-accepted", "ACCEPTED"],
      ["job-started", "RUNNING"],
      ["job-ended", "COMPLETED"],
    ] as const) {
      const when = await ada.getByTestId(field).getAttribute("datetime");
      expect(when, `${field} has a time`).not.toBeNull();
      await expect(
        timeline.locator(`[data-status="${status}"]`).first().locator("time"),
      ).toHaveAttribute("datetime", when!);
    }
    // The card names the moment Tessera recorded the job as the timeline does.
    await expect(
      ada.getByTestId("job-accepted").locator("xpath=ancestor::dd/preceding-sibling::dt[1]"),
    ).toHaveText("Accepted");
    await expect(timeline.locator('[data-status="ACCEPTED"]').first()).toContainText("Accepted");
    await expect(ada.getByTestId("job-exit-code")).toHaveText("0");
    await expect(ada.getByTestId("quota-held")).toHaveText("2 GPU-hours");
    // Two GPUs for about ten seconds: consumption is settled from what ran, not the hold, and
    // reads in the hold's unit (a thousandth of a GPU-hour is 3.6 GPU-seconds).
    await expect(ada.getByTestId("quota-consumed")).toHaveText(
      /^(less than 0\.001|0\.\d{1,3}) GPU-hours$/,
    );
    await expect(ada.getByTestId("job-quota")).toContainText("returned to the allocation");
    await expect(ada.getByTestId("job-placement")).toContainText("Simulated cluster");
  });

  await test.step("the job page fits 360 pixels and passes the checks in the dark theme", async () => {
    await ada.getByLabel("Theme").filter({ visible: true }).selectOption("dark");
    await expect(ada.locator("html")).toHaveAttribute("data-theme", "dark");
    await a11y.check(ada);
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("the list shows the finished job with what it used", async () => {
    await ada.goto(`/orgs/${organizationId}/jobs?show=finished`);
    const row = ada.getByRole("row").filter({ has: ada.getByRole("link", { name }) });
    await expect(row.getByTestId("job-status")).toHaveText("Completed");
    await expect(row).toContainText("2 × NVIDIA H100 80 GB");
    await expect(row).toContainText("Simulated cluster");
    await expect(row).toContainText(/(less than 0\.001|0\.\d{1,3}) GPU-hours used/);
    await expect(row).toContainText("of 2 GPU-hours held");
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
  });
});

test("a researcher cancels a running job and its hold goes back to the allocation", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(180_000);
  const name = `Long sweep ${uniqueSuffix()}`;
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.goto(`/orgs/${organizationId}/jobs/new`);
  await fillJobForm(ada, {
    name,
    project: "Multilingual speech models",
    gpus: "1",
    hours: "2",
    template: "Plain batch script",
    command: "python sweep.py",
  });
  await expect(ada.getByTestId("preview-quota")).toContainText("This job will hold 2 GPU-hours");
  await setSimulatedRun(ada, "600");
  await submitJob(ada, name);
  await expect(jobStatus(ada)).toHaveText("Running", MOVES);
  const jobUrl = ada.url();

  await test.step("while it runs, the allocation names it among what holds its GPU-hours", async () => {
    const holder = (await pilotHolders(ada, organizationId)).filter({ hasText: name });
    await expect(holder).toHaveText(`${name} (job, until it ends): 2 GPU-hours`);
    await holder.getByRole("link", { name }).click();
    await expect(ada).toHaveURL(jobUrl);
  });

  await test.step("while it runs, its page says its use and cost so far, not yet settled", async () => {
    await expect(ada.getByTestId("quota-consumed")).toHaveText(
      /^(less than 0\.001|\d+\.\d{3}) GPU-hours so far, not yet settled$/,
      MOVES,
    );
    // Priced as Billing's charges so far price it: the list price, then who pays what.
    await expect(ada.getByTestId("job-cost-so-far")).toHaveText(
      /^€\d+\.\d{2} so far \(list price\), not yet settled$/,
    );
    await expect(ada.getByTestId("job-cost-so-far-shares")).toHaveText(
      /^The programme pays €\d+\.\d{2}, the organisation €\d+\.\d{2} \(before VAT\)\.$/,
    );
    await expect(ada.getByRole("link", { name: "Usage in Billing" })).toBeVisible();
    // Its energy so far as Billing estimates it, not "Not metered yet".
    await expect(ada.getByTestId("job-energy")).toHaveText(
      /^≈ \S+ (Wh|kWh) so far \(estimated, not yet settled\)$/,
    );
  });

  await test.step("while it runs, the jobs list says its use and cost so far too", async () => {
    await ada.goto(`/orgs/${organizationId}/jobs?show=active`);
    const row = ada.getByRole("row").filter({ has: ada.getByRole("link", { name }) });
    await expect(row.getByTestId("job-used-so-far")).toHaveText(
      /^(less than 0\.001|\d+\.\d{3}) GPU-hours so far$/,
      MOVES,
    );
    await expect(row.getByTestId("job-cost-so-far")).toHaveText(
      /^€\d+\.\d{2} so far \(list price\)$/,
    );
    await expect(row.getByTestId("job-energy")).toHaveText(/^≈ \S+ (Wh|kWh) so far$/);
    await expect(row).not.toContainText(/not metered yet/i);
    await a11y.check(ada);
    await ada.goto(jobUrl);
  });

  await test.step("cancelling asks once and names what is lost", async () => {
    await ada.getByRole("button", { name: "Cancel job" }).click();
    const dialog = ada.getByRole("dialog", { name: `Cancel ${name}?` });
    await expect(dialog).toContainText("Anything it has not written to storage");
    await expect(dialog).toContainText("goes back to the allocation");
    await dialog.getByRole("button", { name: "Cancel job" }).click();
    await expectCancelTaken(ada);
    await expect(jobStatus(ada)).toHaveText("Cancelled", MOVES);
    await expect(
      ada.getByTestId("job-timeline").locator('[data-status="CANCELLED"]'),
    ).toBeVisible();
    await expect(ada.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
    await expect(ada.getByTestId("job-quota")).toContainText("returned to the allocation");
    // It holds nothing now: the figure is what it held while it ran.
    await expect(ada.getByTestId("job-quota")).toContainText("Held while it ran");
  });

  await test.step("the stopped job tells one story: stopped, no exit code to wait for, words in the timeline", async () => {
    const main = ada.getByRole("main");
    await expect(main.getByText("The job stops within a few seconds")).toHaveCount(0);
    await expect(main.getByText("Cancellation requested; the cluster is stopping it")).toHaveCount(
      0,
    );
    await expect(main.getByTestId("job-reason")).toContainText(
      "The job was cancelled and has stopped.",
    );
    await expect(ada.getByTestId("job-exit-code")).toHaveText("None — the job was stopped");
    await expect(main.getByText("This page follows the job by itself")).toHaveCount(0);
    const timeline = ada.getByTestId("job-timeline");
    await expect(timeline).toContainText("cancellation requested");
    await expect(timeline).not.toContainText("CancelRequested");
    // After a reload, the same story.
    await ada.reload();
    await expect(jobStatus(ada)).toHaveText("Cancelled");
    await expect(ada.getByTestId("job-exit-code")).toHaveText("None — the job was stopped");
    await expect(main.getByText("The job stops within a few seconds")).toHaveCount(0);
  });

  await test.step("the allocation no longer holds anything for it", async () => {
    // The line is on the page (pilotHolders waits for it); other work may still hold it.
    const holders = await pilotHolders(ada, organizationId);
    await expect(holders.filter({ hasText: name })).toHaveCount(0);
  });
});

test("a job named with one long word fits its page at 1280 pixels, breadcrumb included", async ({
  signedIn,
}) => {
  // The longest name a job may have, with no space in it: the heading and the trail both wrap.
  const name = `${"X".repeat(114)}${uniqueSuffix()}`;
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.goto(`/orgs/${organizationId}/jobs/new`);
  await fillJobForm(ada, {
    name,
    project: "Multilingual speech models",
    gpus: "1",
    hours: "1",
    template: "Plain batch script",
    command: "python tiny.py",
  });
  await setSimulatedRun(ada, "1");
  await submitJob(ada, name);
  const trail = ada.getByRole("navigation", { name: "Breadcrumb" });
  await expect(trail.getByText(name)).toBeVisible();
  await expect
    .poll(() => ada.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
  const [box, crumb] = await Promise.all([
    ada.getByRole("main").boundingBox(),
    trail.getByText(name).boundingBox(),
  ]);
  expect(crumb!.x + crumb!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
});

test("a job beyond the allocation's quota is refused in the server's words and not created", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const name = `Too large ${uniqueSuffix()}`;
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.goto(`/orgs/${organizationId}/jobs/new`);

  await test.step("an incomplete form is answered with an error summary linked to the fields", async () => {
    await ada.getByRole("button", { name: "Submit job" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await summary.getByRole("link", { name: "Choose the project this job belongs to." }).click();
    await expect(ada.getByLabel("Project", { exact: true })).toBeFocused();
  });

  await test.step("a project whose data no cluster may take says what to do, and is not submitted", async () => {
    await fillJobForm(ada, {
      name,
      project: "Clinical notes summarisation (data stays in GB)",
      gpus: "1",
      hours: "1",
      template: "Plain batch script",
      command: "python train.py",
    });
    const next =
      "To run it, choose a project whose data may go where a cluster is, or ask the platform operator for a cluster in GB.";
    const placement = ada.getByTestId("job-preview").getByTestId("preview-placement");
    await expect(placement).toContainText("the project's data must stay in GB");
    await expect(placement).toContainText(next);
    await ada.getByRole("button", { name: "Submit job" }).click();
    // The refusal the server would give, in the summary and linked to the project it concerns.
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await summary.getByRole("link", { name: /No cluster may run this job: .* in GB\.$/ }).click();
    await expect(ada.getByLabel("Project", { exact: true })).toBeFocused();
    await expect(ada.getByLabel("Project", { exact: true })).toHaveAccessibleDescription(
      /ask the platform operator for a cluster in GB\.$/,
    );
    await expect(ada).toHaveURL(/\/jobs\/new(#[\w-]+)?$/);
    await a11y.check(ada);
  });

  await test.step("more GPUs than the largest cluster has are caught before submitting", async () => {
    await fillJobForm(ada, {
      name,
      project: "Multilingual speech models",
      gpus: "17",
      hours: "1",
      template: "Plain batch script",
      command: "python train.py",
    });
    // The seed's Slurm cluster has 512 H100s but takes no work; the simulated one has 16.
    const gpus = ada.getByLabel("Number of GPUs");
    await expect(gpus).toHaveAccessibleDescription(
      "Up to 16 — the largest cluster that runs NVIDIA H100 80 GB has 16.",
    );
    await ada.getByRole("button", { name: "Submit job" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await summary
      .getByRole("link", {
        name: "You can use at most 16 GPUs in one job: the largest cluster that runs NVIDIA H100 80 GB has 16.",
      })
      .click();
    await expect(gpus).toBeFocused();
  });

  await test.step("the chosen allocation line reads in full at 1280 pixels, its class first", async () => {
    const allocation = ada.getByLabel("Allocation", { exact: true });
    const shown = await allocation.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? "";
      // Room for the text: the box less its padding (the arrow sits in the right padding).
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text, width: context.measureText(text).width, room };
    });
    expect(shown.text).toMatch(PILOT_LINE);
    expect(shown.width, `"${shown.text}" fits its select`).toBeLessThanOrEqual(shown.room);
  });

  await test.step("at 390 and 360 pixels the form fits with a template's script open", async () => {
    await ada.setViewportSize({ width: 390, height: 844 });
    for (const template of ["Plain batch script", "PyTorch distributed (DDP)"]) {
      await ada.getByLabel("Template", { exact: true }).selectOption({ label: template });
      const details = ada.locator("details").filter({
        has: ada.getByText("Show the script this template runs"),
      });
      if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
        await details.getByText("Show the script this template runs").click();
      await expect(ada.getByLabel(`Script of the template ${template}`)).toBeVisible();
      // At 360 pixels, which is narrower still; the script scrolls inside its own box.
      await fitsNarrowScreen(ada, { stayNarrow: true });
      await ada.setViewportSize({ width: 390, height: 844 });
    }
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("a number of units found wrong stops being wrong once it or the allocation changes", async () => {
    const allocation = ada.getByLabel("Allocation", { exact: true });
    const cpuLine = await allocation
      .locator("option")
      .filter({ hasText: /^CPU core \(AMD EPYC 9654\): / })
      .first()
      .getAttribute("value");
    const h100Line = await allocation
      .locator("option")
      .filter({ hasText: PILOT_LINE })
      .first()
      .getAttribute("value");
    expect(cpuLine, "the pilot allocation has a CPU line").toBeTruthy();
    expect(h100Line, "the pilot allocation has an H100 line").toBeTruthy();
    const error = ada.locator("#job-quantity-error");
    // The 17 GPUs refused above: another allocation line is another question.
    await expect(error).toBeVisible();
    await allocation.selectOption(cpuLine ?? "");
    await expect(error).toBeHidden();
    const cores = ada.getByLabel("Number of CPU cores");
    await cores.fill("1.5");
    await ada.getByRole("button", { name: "Submit job" }).click();
    await expect(error).toHaveText(
      "Error: Enter the number of CPU cores as a whole number from 1 to 64.",
    );
    await cores.fill("64");
    await expect(error).toBeHidden();
    await expect(ada.getByRole("alert").filter({ hasText: "There is a problem" })).toBeHidden();
    await cores.fill("1.5");
    await ada.getByRole("button", { name: "Submit job" }).click();
    await expect(error).toBeVisible();
    // With another problem left, the summary keeps it and leaves the focus in the field typed in.
    await ada.getByLabel("Job name").fill("");
    await ada.getByRole("button", { name: "Submit job" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveCount(2);
    await cores.fill("2");
    await expect(error).toBeHidden();
    await expect(summary.getByRole("link")).toHaveText([/^Enter a name/]);
    await expect(cores).toBeFocused();
    await ada.getByLabel("Job name").fill(name);
    await cores.fill("1.5");
    await ada.getByRole("button", { name: "Submit job" }).click();
    await expect(error).toBeVisible();
    await allocation.selectOption(h100Line ?? "");
    await expect(ada.getByLabel("Number of GPUs")).toHaveValue("1.5");
    await expect(error).toBeHidden();
    await expect(ada.getByText(/number of CPU cores/)).toHaveCount(0);
  });

  await test.step("more GPUs than a node has take whole nodes, and the form says which sizes run", async () => {
    // The seed's simulated cluster has its 16 H100s on four nodes of 4.
    const gpus = ada.getByLabel("Number of GPUs");
    const nodes = ada.getByTestId("job-nodes");
    await gpus.fill("8");
    await expect(nodes).toHaveText("Runs as 2 nodes × 4 GPUs.");
    await gpus.fill("6");
    const sizes =
      "On Simulated cluster a job of more than 4 GPUs of NVIDIA H100 80 GB takes whole nodes of 4: ask for at most 4, or 8, 12 or 16 GPUs.";
    await expect(nodes).toHaveText(sizes);
    await expect(gpus).toHaveAccessibleDescription(/ask for at most 4, or 8, 12 or 16 GPUs\.$/);
    await ada.getByRole("button", { name: "Submit job" }).click();
    await expect(ada.locator("#job-quantity-error")).toHaveText(`Error: ${sizes}`);
    // Said once: the error on the field, not the hint as well.
    await expect(nodes).toHaveText("");
    await gpus.fill("4");
    await expect(nodes).toHaveText("Runs as 1 node × 4 GPUs.");
    await a11y.check(ada);
  });

  await test.step("eight GPUs for thirty hours do not fit the pilot allocation", async () => {
    await fillJobForm(ada, {
      name,
      project: "Multilingual speech models",
      gpus: "8",
      hours: "30",
      template: "Plain batch script",
      command: "python train.py",
    });
    const preview = ada.getByTestId("job-preview");
    await expect(preview.getByText("Not enough quota")).toBeVisible();
    await expect(preview.getByTestId("preview-quota")).toContainText(
      "This job needs 240 GPU-hours, but only",
    );
    await ada.getByRole("button", { name: "Submit job" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Not enough quota left on this allocation");
    await expect(ada).toHaveURL(/\/jobs\/new(#[\w-]+)?$/);
  });

  await test.step("no job of that name appears in the list", async () => {
    await ada.goto(`/orgs/${organizationId}/jobs`);
    await expect(ada.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    await expect(ada.getByRole("link", { name })).toHaveCount(0);
  });
});

/** The empty state of an organisation waiting for verification: what it waits for, what to do. */
async function explainsTheWait(page: Page) {
  await expect(page.getByText(/A platform administrator is checking the details of/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Check the organisation's details" })).toBeVisible();
}

test("an organisation waiting for verification is told what to do meanwhile, and cannot submit", async ({
  signedIn,
}) => {
  const chiara = await signedIn("founder");
  const organizationId = await openOrganisation(chiara, "Lumen Robotics");
  await expect(chiara.getByTestId("active-jobs")).toHaveText("No active jobs");
  await openJobs(chiara);
  await expect(chiara.getByText("No jobs yet")).toBeVisible();
  await explainsTheWait(chiara);
  // Programmes would only say it is not eligible.
  await expect(chiara.getByRole("link", { name: "Apply for an allocation" })).toHaveCount(0);
  await expect(chiara.getByRole("link", { name: "Submit a training job" })).toHaveCount(0);
  // Its allocations page explains the wait too, rather than point to applications it cannot make.
  await chiara.goto(`/orgs/${organizationId}/allocations`);
  await expect(chiara.getByText("No allocations yet")).toBeVisible();
  await explainsTheWait(chiara);
  await expect(chiara.getByRole("link", { name: "View applications" })).toHaveCount(0);
  await chiara.goto(`/orgs/${organizationId}/jobs/new`);
  await expect(chiara.getByRole("main").getByText("Waiting for verification")).toBeVisible();
  await expect(chiara.getByText(/Only verified organisations/)).toHaveCount(0);
  await expect(chiara.getByRole("button", { name: "Submit job" })).toHaveCount(0);
});

test("the operator sees operations and maintains job templates", async ({ signedIn }) => {
  test.setTimeout(120_000);
  const code = `e2e-${uniqueSuffix().toLowerCase()}`;
  const omar = await signedIn("operator");
  const nav = omar.getByRole("navigation", { name: "Main navigation" });

  await test.step("the operations page shows the outbox, the queues, jobs and endpoints by status", async () => {
    await nav.getByRole("link", { name: "Operations" }).click();
    await expect(omar.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
    await expect(omar.getByTestId("outbox-backlog")).toBeVisible();
    for (const queue of ["launch", "cancel", "provision", "reconcile"])
      await expect(omar.getByTestId(`queue-${queue}`)).toContainText(/\d+ waiting · \d+ active/);
    await omar.getByText("Queue depths as a table").click();
    await expect(omar.getByRole("table", { name: "Jobs in each queue by state" })).toBeVisible();
    await expect(omar.getByTestId("jobs-by-status")).toContainText("Completed");
    // Endpoints in their own words (Ready, Scaled to zero), not counted among running jobs.
    await expect(omar.getByTestId("endpoints-by-status")).toContainText("Ready");
    await expect(omar.getByRole("heading", { name: "Dead letters" })).toBeVisible();
  });

  await test.step("a job template is added and then edited", async () => {
    await nav.getByRole("link", { name: "Job templates" }).click();
    await expect(omar.getByRole("heading", { level: 1, name: "Job templates" })).toBeVisible();
    await expect(omar.getByTestId("template-pytorch-ddp")).toContainText(
      "PyTorch distributed (DDP)",
    );
    const form = omar.getByRole("form", { name: "Add a job template" });
    await form.getByLabel("Code").fill(code);
    await form.getByLabel("Name", { exact: true }).fill(`JAX single host ${code}`);
    await form.getByLabel("Kind").selectOption({ label: "Batch script" });
    await form.getByLabel("Description").fill("Runs a JAX program on one host with all its GPUs.");
    await form.getByRole("button", { name: "Add template" }).click();
    await expect(omar.getByText(`Template ${code} added.`)).toBeVisible();
    await expect(omar.getByTestId(`template-${code}`)).toContainText("Active");

    await omar.getByRole("link", { name: `Edit ${code}` }).click();
    await expect(omar.getByRole("heading", { level: 1, name: `Edit ${code}` })).toBeVisible();
    await omar.getByLabel("People may choose this template").uncheck();
    await omar.getByRole("button", { name: "Save changes" }).click();
    await expect(omar.getByText("Template saved.")).toBeVisible();
    await omar.goto("/operator/job-templates");
    await expect(omar.getByTestId(`template-${code}`)).toContainText("Retired");
  });
});

test("lists keep their key columns at 360 pixels, and a bad id is not found inside the portal's frame", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);

  await test.step("at 360 pixels the jobs list keeps each job's name and status in view", async () => {
    await ada.setViewportSize({ width: 360, height: 740 });
    await ada.goto(`/orgs/${organizationId}/jobs`);
    await expect(ada.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    await expect(ada.getByTestId("scroll-hint").first()).toBeVisible();
    const first = ada.getByRole("row").nth(1);
    const link = first.getByRole("link").first();
    await expect(link).toBeInViewport();
    await expect(first.getByTestId("job-status-narrow")).toBeInViewport();
    // The name stays in view while the table is scrolled to its last column.
    await ada
      .getByRole("region", { name: "Training jobs" })
      .evaluate((region) => region.scrollTo({ left: region.scrollWidth }));
    await expect(link).toBeInViewport();
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
  });

  await test.step("at 360 pixels the allocations list keeps each line's class in view", async () => {
    await ada.goto(`/orgs/${organizationId}/allocations`);
    await expect(ada.getByRole("heading", { level: 1, name: "Allocations" })).toBeVisible();
    await expect(ada.getByTestId("scroll-hint").first()).toBeVisible();
    const line = ada.getByTestId("allocation-line-h100-80gb").first();
    const className = line.getByText("NVIDIA H100 80 GB");
    // Other allocations may come first: bring the line up, then scroll its table to the last
    // column — the class stays in view.
    await className.scrollIntoViewIfNeeded();
    await line.evaluate((row) => row.closest('[role="region"]')?.scrollTo({ left: 10_000 }));
    await expect(className).toBeInViewport();
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
    await expect(ada.getByTestId("scroll-hint").first()).toBeHidden();
  });

  await test.step("a job id that does not exist shows not-found with one header", async () => {
    const job = await ada.goto(`/orgs/${organizationId}/jobs/no-such-job`);
    expect(job?.status()).toBe(404);
    await expect(ada.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(ada.getByRole("banner")).toHaveCount(1);
    await expect(ada.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    await a11y.check(ada);
    const application = await ada.goto(`/orgs/${organizationId}/applications/no-such-application`);
    expect(application?.status()).toBe(404);
    await expect(ada.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(ada.getByRole("banner")).toHaveCount(1);
    await expect(ada.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  });
});
