import { expect, type Page } from "@playwright/test";

export interface NewProgramme {
  id: string;
  name: string;
}

export interface NewApplication {
  id: string;
  organizationId: string;
  title: string;
}

function lastPathSegment(page: Page, index: number): string {
  return new URL(page.url()).pathname.split("/")[index] ?? "";
}

/**
 * The programme administrator creates a programme from the admin list; its first call (filled in
 * by the form) opens at the start of the current hour, so it is open now. With `wrongFirst`, the
 * budget and limit are first typed wrong, and the form must say each field's own problem.
 */
export async function createProgramme(
  page: Page,
  programme: {
    name: string;
    budget: string;
    rate: string;
    cap: string;
    wrongFirst?: { budget: string; cap: string; problems: string[] };
  },
): Promise<NewProgramme> {
  await page.goto("/dashboard");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Programmes (admin)" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Programmes (admin)" })).toBeVisible();
  await page.getByRole("link", { name: "New programme" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New programme" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(programme.name);
  await page.getByLabel("Sponsor").fill("Ministry of Research (end-to-end test)");
  await page
    .getByLabel("Description")
    .fill("Subsidised GPU time for research groups, created by an end-to-end test.");
  await page.getByLabel("Subsidy rate (%)").fill(programme.rate);
  if (programme.wrongFirst) {
    await page.getByLabel("Budget", { exact: true }).fill(programme.wrongFirst.budget);
    await page.getByLabel("Limit per organisation").fill(programme.wrongFirst.cap);
    await page.getByRole("button", { name: "Create programme" }).click();
    const problems = page.getByRole("alert", { name: "There is a problem" });
    for (const problem of programme.wrongFirst.problems) {
      await expect(problems).toContainText(problem);
    }
  }
  await page.getByLabel("Budget", { exact: true }).fill(programme.budget);
  await page.getByLabel("Limit per organisation").fill(programme.cap);
  await expect(page.getByText(`${programme.rate}% = `)).toBeVisible();
  await page.getByRole("button", { name: "Create programme" }).click();
  await page.waitForURL(/\/admin\/programmes\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: programme.name })).toBeVisible();
  return { id: lastPathSegment(page, 3), name: programme.name };
}

/**
 * The researcher finds the programme on the programmes page, applies for one resource class and
 * checks the live quote, saves the draft and submits it.
 */
export async function applyToProgramme(
  page: Page,
  programme: NewProgramme,
  application: {
    title: string;
    project: string;
    resourceClass: string;
    hours: string;
    expectTotals: { list: string; programme: string; tenant: string };
  },
): Promise<NewApplication> {
  await page.goto("/dashboard");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Programmes", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Programmes" })).toBeVisible();
  await page.getByRole("link", { name: `Apply to ${programme.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New application" })).toBeVisible();
  await expect(page.getByLabel("Programme", { exact: true })).toHaveValue(programme.id);
  await page.getByLabel("Project").selectOption({ label: application.project });
  await expect(page.getByLabel("Call", { exact: true })).not.toHaveValue("");
  await page.getByLabel("Title").fill(application.title);
  await page
    .getByLabel("Resource class, line 1")
    .selectOption({ label: application.resourceClass });
  await page.getByLabel("Hours, line 1").fill(application.hours);
  const quote = page.getByTestId("quote");
  await expect(quote.getByTestId("total-list")).toHaveText(application.expectTotals.list);
  await expect(quote.getByTestId("total-programme")).toHaveText(application.expectTotals.programme);
  await expect(quote.getByTestId("total-tenant")).toHaveText(application.expectTotals.tenant);
  await page
    .getByLabel("Abstract")
    .fill("Pre-training multilingual speech encoders on public broadcast archives.");
  await page
    .getByLabel("Justification")
    .fill("Three model sizes, each trained for two epochs on 40,000 hours of audio.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL(/\/orgs\/[^/]+\/applications\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: application.title })).toBeVisible();
  await expect(page.getByTestId("application-status")).toHaveText("Draft");
  const created: NewApplication = {
    organizationId: lastPathSegment(page, 2),
    id: lastPathSegment(page, 4),
    title: application.title,
  };
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByText("Application submitted.")).toBeVisible();
  await expect(page.getByTestId("application-status")).toHaveText("Submitted");
  await expect(page.getByTestId("timeline").locator('[data-status="SUBMITTED"]')).toBeVisible();
  return created;
}

/** The programme administrator opens an application from the programme's dashboard. */
export async function openAdminApplication(
  page: Page,
  programme: NewProgramme,
  application: NewApplication,
): Promise<void> {
  await page.goto(`/admin/programmes/${programme.id}`);
  await expect(page.getByRole("heading", { level: 1, name: programme.name })).toBeVisible();
  await page.getByRole("link", { name: application.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: application.title })).toBeVisible();
}

/** Assigns a reviewer by name from the panel. */
export async function assignReviewer(page: Page, name: string): Promise<void> {
  const select = page.getByLabel("Reviewer", { exact: true });
  const option = select.locator("option", { hasText: name });
  await select.selectOption((await option.getAttribute("value")) ?? "");
  await page.getByRole("button", { name: "Assign reviewer" }).click();
  await expect(page.getByText(`${name} assigned.`)).toBeVisible();
  await expect(page.getByTestId("assigned-reviewers")).toContainText(name);
}

/** A reviewer opens the application from their list of assigned reviews. */
export async function openReview(page: Page, application: NewApplication): Promise<void> {
  await page.goto("/dashboard");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "My reviews" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "My reviews" })).toBeVisible();
  await page.getByRole("link", { name: application.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: application.title })).toBeVisible();
}
