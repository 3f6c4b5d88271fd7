/**
 * A page link that is not one the portal made (`?cursor=` the list cannot read) answers on every
 * list page with the list's own words, "That page link is no longer valid…", inside the page: never
 * the generic error page, never a 5xx.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";

const BAD_CURSORS = ["nope", "%F0%9F%98%80"];
const STALE = "That page link is no longer valid. Start again from the first page.";

/** Opens the list with each bad cursor in `parameter` (the lists' own is `cursor`). */
async function expectStaleLink(
  page: Page,
  path: string,
  parameter = "cursor",
  cursors = BAD_CURSORS,
): Promise<void> {
  for (const cursor of cursors) {
    const address = `${path}?${parameter}=${cursor}`;
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: STALE }), address).toBeVisible();
    await expect(page.getByText("Sorry, there is a problem with the service")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
}

test("a researcher's lists answer a page link they cannot read in their own words", async ({
  signedIn,
}) => {
  test.setTimeout(120_000);
  const ada = await signedIn("researcher");
  const org = `/orgs/${await openOrganisation(ada, NORTHBRIDGE)}`;
  for (const list of ["jobs", "projects", "api-keys", "allocations", "applications", "endpoints"])
    await expectStaleLink(ada, `${org}/${list}`);
  await expectStaleLink(ada, "/notifications");
  await expectStaleLink(ada, "/programmes");
});

test("the operator's lists answer a page link they cannot read in their own words", async ({
  signedIn,
}) => {
  const omar = await signedIn("operator");
  await expectStaleLink(omar, "/operator/operations");
  // The catalogue pages its two lists on parameters of their own, by code: `nope` is a code a
  // page can start after, an emoji is not.
  await expectStaleLink(omar, "/operator/catalogue", "classes", ["%F0%9F%98%80"]);
  await expectStaleLink(omar, "/operator/catalogue", "clusters", ["%F0%9F%98%80"]);
});
