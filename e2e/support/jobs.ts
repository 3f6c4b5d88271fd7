import { expect, type Page } from "@playwright/test";

/** The demo researcher's organisation and the allocation the seed granted it (h100 pilot runs). */
export const NORTHBRIDGE = "Northbridge University AI Lab";
export const PILOT_ALLOCATION = "Speech encoder pilot runs";
export const PILOT_LINE =
  /^NVIDIA H100 80 GB: .+ left, ends \d{1,2} \w{3} \d{4} — Speech encoder pilot runs$/;

export interface JobRequest {
  name: string;
  project: string;
  gpus: string;
  hours: string;
  minutes?: string;
  template: string;
  command: string;
  /** How long the simulated cluster pretends the job runs. */
  simSeconds?: string;
}

/** Opens the organisation from the dashboard and returns its id. */
export async function openOrganisation(page: Page, name: string): Promise<string> {
  await page.goto("/dashboard");
  await page.getByRole("link", { name }).first().click();
  await page.waitForURL(/\/orgs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/** From the organisation's side navigation to its job list. */
export async function openJobs(page: Page): Promise<void> {
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Jobs", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
}

/** Chooses an option by (part of) its label, for selects whose labels carry live numbers. */
async function selectByLabel(page: Page, field: string, label: RegExp): Promise<void> {
  const select = page.getByLabel(field, { exact: true });
  const value = await select
    .locator("option")
    .filter({ hasText: label })
    .first()
    .getAttribute("value");
  if (!value) throw new Error(`No option ${label} in ${field}`);
  await select.selectOption(value);
}

/**
 * Fills the submit form as a person would: project, the pilot allocation's H100 line, name, GPUs,
 * walltime and a template with its command. Leaves the form unsubmitted, for the caller to
 * check the preview first.
 */
export async function fillJobForm(page: Page, job: JobRequest): Promise<void> {
  await expect(
    page.getByRole("heading", { level: 1, name: "Submit a training job" }),
  ).toBeVisible();
  await page.getByLabel("Project", { exact: true }).selectOption({ label: job.project });
  await selectByLabel(page, "Allocation", PILOT_LINE);
  await page.getByLabel("Job name").fill(job.name);
  await page.getByLabel("Number of GPUs").fill(job.gpus);
  await page.getByLabel("Hours", { exact: true }).fill(job.hours);
  await page.getByLabel("Minutes", { exact: true }).fill(job.minutes ?? "0");
  await page.getByLabel("From a template").check();
  await page.getByLabel("Template", { exact: true }).selectOption({ label: job.template });
  await page.getByLabel("Command", { exact: true }).fill(job.command);
}

/** Sets the simulated run length, which the form offers once the preview lands on the sim cluster. */
export async function setSimulatedRun(page: Page, seconds: string): Promise<void> {
  const field = page.getByLabel(/^Simulated run length, in seconds/);
  await expect(field).toBeVisible();
  await field.fill(seconds);
}

/** Submits the form and waits for the job's own page; returns the job id. */
export async function submitJob(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Submit job" }).click();
  await page.waitForURL(/\/orgs\/[^/]+\/jobs\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[4] ?? "";
}

/** The job's status word in the page header (the status card repeats it). */
export function jobStatus(page: Page) {
  return page.getByRole("main").getByTestId("job-status").first();
}

/**
 * Waits until a cancel the person confirmed has been taken: the "Cancellation requested." notice,
 * or — when the simulated cluster stopped the job before the notice could show — the stopped
 * job's own words, which replace it.
 */
export async function expectCancelTaken(page: Page): Promise<void> {
  await expect(
    page
      .getByText("Cancellation requested.")
      .or(page.getByTestId("job-reason").filter({ hasText: "The job was cancelled" }))
      .first(),
  ).toBeVisible();
}
