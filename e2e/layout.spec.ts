import { expect, test } from "./support/fixtures";

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
