import { expect, test } from "./support/fixtures";

test("the onboarding form lists every problem at the top, linked to its field", async ({
  signedIn,
}) => {
  const page = await signedIn("researcher", "/onboarding");
  await page.getByRole("button", { name: "Create organisation" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).not.toHaveCount(0);

  // Each problem links to its field, which says what is wrong beside it.
  await summary.getByRole("link", { name: "Enter the organisation's name." }).click();
  await expect(page.getByLabel("Organisation name")).toBeFocused();
  await expect(page.getByLabel("Organisation name")).toHaveAttribute("aria-invalid", "true");
  await expect(summary.getByRole("link", { name: "Choose a country." })).toBeVisible();

  // Nothing was created: the dashboard still lists only the seeded organisation.
  await page.goto("/dashboard");
  await expect(page.getByTestId("organisation-cards").getByRole("listitem")).toHaveCount(1);
});

test("signed-out visitors are sent to sign in and come back where they were going", async ({
  newPage,
}) => {
  const page = await newPage();
  await page.goto("/orgs/anything/projects");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Forgs%2Fanything%2Fprojects$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
