import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { tablesFitOrSayTheyScroll } from "./support/layout";

/** The names of the scrolling regions on the page that are wider than their box. */
function regionsThatScroll(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main [role="region"]')]
      .filter((region) => region.scrollWidth > region.clientWidth + 1)
      .map((region) => region.getAttribute("aria-label") ?? "a region"),
  );
}

test("the allocations fit a laptop's width, and a phone's within their own labelled regions", async ({
  signedIn,
  a11y,
}) => {
  // Two widths, each checked with axe: a minute is too tight on a loaded 2-core machine.
  test.setTimeout(120_000);
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.setViewportSize({ width: 1280, height: 900 });
  await ada.goto(`/orgs/${organizationId}/allocations`);
  await expect(ada.getByRole("heading", { level: 1, name: "Allocations" })).toBeVisible();

  await test.step("at 1280 pixels no table of the page scrolls sideways", async () => {
    const line = ada.getByTestId("allocation-line-h100-80gb").first();
    // Every figure of the line, its unit written out.
    for (const figure of ["granted", "held", "consumed", "remaining"]) {
      await expect(line.getByTestId(figure)).toHaveText(/^[\d,.]+ GPU-hours?$|^less than /);
    }
    await expect.poll(() => regionsThatScroll(ada)).toEqual([]);
    await expect(ada.getByTestId("scroll-hint").filter({ visible: true })).toHaveCount(0);
    await a11y.check(ada);
  });

  await test.step("at 390 pixels a table scrolls only within its own region", async () => {
    await ada.setViewportSize({ width: 390, height: 844 });
    await tablesFitOrSayTheyScroll(ada);
    // What is left and used stays in view beside the class while the columns scroll.
    const line = ada.getByTestId("allocation-line-h100-80gb").first();
    const remaining = await line.getByTestId("remaining").textContent();
    await expect(line.getByTestId("narrow-summary")).toBeVisible();
    await expect(line.getByTestId("narrow-summary")).toContainText(`${remaining} left`);
    await a11y.check(ada);
  });
});
