import { expect, type Page } from "@playwright/test";

export interface NewOrganisation {
  id: string;
  name: string;
}

/** Fills the onboarding form as a person would and returns the new organisation. */
export async function createOrganisation(
  page: Page,
  name: string,
  registryId: string,
): Promise<NewOrganisation> {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Create an organisation" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Create an organisation" }),
  ).toBeVisible();
  await page.getByLabel("Organisation name").fill(name);
  await page.getByLabel("Kind of organisation").selectOption("STARTUP");
  await page.getByLabel("Country").selectOption("IT");
  await page.getByLabel("Registry number").fill(registryId);
  await page.getByLabel("Website").fill("https://example.org");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.waitForURL(/\/orgs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/")[2] ?? "";
  return { id, name };
}

/** The platform administrator finds the organisation in the review queue and opens it. */
export async function openInReviewQueue(page: Page, organisation: NewOrganisation): Promise<void> {
  await page.goto("/dashboard");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Organisation review" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation review" })).toBeVisible();
  await page.getByLabel("Search").fill(organisation.name);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: organisation.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: organisation.name })).toBeVisible();
}

/** Invites someone from the members page. */
export async function invite(
  page: Page,
  organisation: NewOrganisation,
  email: string,
  role: string,
): Promise<void> {
  await page.goto(`/orgs/${organisation.id}/members`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("Pending");
}

/**
 * Reads the newest invitation link mailed to `email` from the development outbox; `page` must be
 * signed in as that person (the outbox shows each person only their own mail).
 */
export async function invitationLinkFromOutbox(
  page: Page,
  email: string,
  organisationName: string,
): Promise<string> {
  await page.goto("/dev/outbox");
  const message = page
    .locator(`[data-testid="outbox-message"][data-to="${email}"]`)
    .filter({ hasText: organisationName })
    .first();
  const link = message.getByTestId("outbox-link").filter({ hasText: "/invitations/" }).first();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`No invitation link for ${email} in the outbox`);
  expect(new URL(href).pathname).toMatch(/^\/invitations\/[^/]+$/);
  return href;
}
