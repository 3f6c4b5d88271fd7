import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { everyColumnFits, tablesFitOrSayTheyScroll } from "./support/layout";

test("the dashboard works at 360 pixels wide with the navigation in a menu", async ({
  signedIn,
  a11y,
}) => {
  const page = await signedIn("researcher");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();

  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ada Okafor" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await a11y.check(page);

  await menu.click();
  await expect(nav).toBeVisible();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await a11y.check(page);

  await nav.getByRole("link", { name: "Create an organisation" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Create an organisation" }),
  ).toBeVisible();
  await expect(nav).toBeHidden();
});

test("light and dark themes are both accessible, and the choice is remembered", async ({
  signedIn,
  a11y,
}) => {
  const page = await signedIn("researcher");
  const theme = page.getByLabel("Theme").filter({ visible: true });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await theme.selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const light = await background();
  await a11y.check(page);

  await theme.selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const dark = await background();
  expect(dark).not.toBe(light);
  await a11y.check(page);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Theme").filter({ visible: true })).toHaveValue("dark");

  // "System" follows the operating system's preference.
  await page.getByLabel("Theme").filter({ visible: true }).selectOption("system");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe(dark);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background()).toBe(light);
});

test("at 1280 pixels tables show every column or say they scroll, words wrap whole, and titles name the page", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const programme = "National AI Compute Programme 2026";

  await test.step("billing: the charges' lines fit, the Energy column included", async () => {
    const ada = await signedIn("researcher");
    await openOrganisation(ada, NORTHBRIDGE);
    await ada
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Billing" })
      .click();
    await expect(ada.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await everyColumnFits(ada, /^Lines of/);
    await expect(ada.getByRole("columnheader", { name: "Energy" }).first()).toBeInViewport();
    await tablesFitOrSayTheyScroll(ada);
    await a11y.check(ada);
  });

  const priya = await signedIn("programAdmin");
  await test.step("the programme dashboard and its statement are titled by the programme", async () => {
    await priya.goto("/admin/programmes");
    await priya.getByRole("link", { name: programme }).click();
    await priya.waitForURL(/\/admin\/programmes\/[^/]+$/);
    await expect(priya).toHaveTitle(`${programme} — Tessera`);
    await tablesFitOrSayTheyScroll(priya);
    await priya.getByRole("link", { name: "Monthly statement" }).click();
    await expect(priya).toHaveTitle(`Statement: ${programme} — Tessera`);
    await tablesFitOrSayTheyScroll(priya);
    await a11y.check(priya);
  });

  await test.step("an application's summary in its side column wraps at word boundaries", async () => {
    await priya.goBack();
    const title = "Multilingual speech encoders for public broadcasters";
    await priya.getByRole("link", { name: title }).click();
    await expect(priya.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(priya).toHaveTitle(`${title} — Tessera`);
    const summary = priya
      .getByRole("heading", { name: "Summary", exact: true })
      .locator("xpath=ancestor::section[1]");
    // Too narrow for terms beside details: each detail goes under its term, at full width.
    const [term, detail] = await Promise.all([
      summary.locator("dt").first().boundingBox(),
      summary.locator("dd").first().boundingBox(),
    ]);
    expect(detail!.y).toBeGreaterThanOrEqual(term!.y + term!.height - 1);
    expect(Math.abs(detail!.x - term!.x)).toBeLessThanOrEqual(1);
    await expect(summary.locator("dd").first()).toContainText("Multilingual speech models");
    await tablesFitOrSayTheyScroll(priya);
  });

  await test.step("the state-aid ledger names the time zone of its dates", async () => {
    await priya.goto("/admin/state-aid/ledger");
    await expect(
      priya.getByRole("columnheader", { name: "Granted (Brussels time)" }),
    ).toBeVisible();
    await tablesFitOrSayTheyScroll(priya);
    await a11y.check(priya);
  });
});
