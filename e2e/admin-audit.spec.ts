import { persona } from "@tessera/config";
import { expect, test } from "./support/fixtures";

test("the platform audit log filters events and verifies the hash chain", async ({ signedIn }) => {
  const admin = await signedIn("platformAdmin");
  await admin
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Audit log (all)" })
    .click();
  await expect(
    admin.getByRole("heading", { level: 1, name: "Audit log (all organisations)" }),
  ).toBeVisible();

  await admin.getByRole("button", { name: "Verify chain" }).click();
  // Verification walks the whole chain; give it longer than an ordinary page update.
  await expect(admin.getByTestId("chain-verdict")).toContainText(
    /The chain is intact: \d+ events checked\./,
    { timeout: 30_000 },
  );

  // Their own sign-in is there, found by actor and action.
  await admin.getByLabel("Actor email").fill(persona("platformAdmin").email);
  await admin.getByLabel("Action").selectOption("session.signed_in");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin.locator('tr[data-action="session.signed_in"]').first()).toBeVisible();
  await expect(admin.locator("tbody tr:not([data-action='session.signed_in'])")).toHaveCount(0);

  // A date range with nothing in it says so.
  await admin.getByLabel("From date").fill("2001-01-01");
  await admin.getByLabel("To date").fill("2001-01-02");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin.getByText("No events match.")).toBeVisible();

  // A malformed filter in the address gets a readable message, not an error page.
  await admin.goto("/admin/audit?organizationId=not%20an%20id!");
  await expect(admin.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await admin.getByRole("link", { name: "Clear filters" }).click();
  await expect(admin.locator("tbody tr").first()).toBeVisible();
});

test("people without a platform role are told the admin pages are not for them", async ({
  signedIn,
}) => {
  const page = await signedIn("researcher");
  await expect(page.getByRole("link", { name: "Organisation review" })).toHaveCount(0);
  await page.goto("/admin/organizations");
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
});
