import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/personas";

test("the onboarding form lists every problem at the top, linked to its field", async ({
  signedIn,
}) => {
  const page = await signedIn("researcher");
  const organisationName = `Valid Name ${uniqueSuffix()} Ltd`;

  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Create organisation" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Choose a country." })).toBeVisible();

  // Each problem links to its field, which says what is wrong beside it.
  await summary.getByRole("link", { name: "Enter the organisation's name." }).click();
  const name = page.getByLabel("Organisation name");
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Error: Enter the organisation's name.")).toBeVisible();

  // A bad value gets the server's own words, and nothing was created.
  await name.fill(organisationName);
  await page.getByLabel("Website").fill("ftp://example.org");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(summary.getByRole("link", { name: /https:\/\// })).toBeVisible();
  // The researcher's organisations are listed, and none by that name (others' tests may add theirs).
  await page.goto("/dashboard");
  const cards = page.getByTestId("organisation-cards").getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasText: organisationName })).toHaveCount(0);
});

test("signed-out visitors are sent to sign in and come back where they were going", async ({
  newPage,
}) => {
  const page = await newPage();
  await page.goto("/orgs/anything/projects");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Forgs%2Fanything%2Fprojects$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("every page ends with the footer's public pages, which open without signing in", async ({
  newPage,
  signedIn,
}) => {
  const visitor = await newPage();
  await visitor.goto("/");
  const footer = visitor.getByRole("contentinfo");
  for (const [link, path] of [
    ["Accessibility statement", "/accessibility"],
    ["Privacy notice", "/privacy"],
    ["Contact and help", "/help"],
  ] as const) {
    await footer.getByRole("link", { name: link }).click();
    await expect(visitor).toHaveURL(new RegExp(`${path}$`));
    await expect(visitor.getByRole("heading", { level: 1, name: link })).toBeVisible();
  }
  const ada = await signedIn("researcher");
  await expect(
    ada.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }),
  ).toBeVisible();
});
