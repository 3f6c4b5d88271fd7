import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { everyColumnFits, fitsNarrowScreen, tablesFitOrSayTheyScroll } from "./support/layout";

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
  await fitsNarrowScreen(page, { stayNarrow: true });
  await a11y.check(page);

  await menu.click();
  await expect(nav).toBeVisible();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await a11y.check(page);

  // The person, in full, above the navigation; no push to create a second organisation.
  await expect(page.getByTestId("signed-in-user").filter({ visible: true })).toContainText(
    "ada.okafor@northbridge.test",
  );
  await expect(nav.getByRole("link", { name: "Create an organisation" })).toHaveCount(0);

  // Escape closes it, the focus back on its button; the button opens it again.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await menu.click();
  await expect(nav).toBeVisible();

  await nav.getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(nav).toBeHidden();
});

/** The header's controls side by side within the window, none overlapping the next. */
async function expectHeaderFits(page: Page) {
  const header = page.locator("header").first();
  const fits = await header.evaluate((element) => {
    const row = element.firstElementChild as HTMLElement;
    const boxes = [...row.querySelectorAll<HTMLElement>("a, button, select")]
      .filter((control) => control.offsetParent !== null)
      .map((control) => control.getBoundingClientRect());
    return {
      overflow: row.scrollWidth - row.clientWidth,
      outside: boxes.filter((box) => box.right > window.innerWidth + 0.5).length,
      overlapping: boxes.filter((box, index) =>
        boxes.some(
          (other, j) =>
            j > index &&
            box.left < other.right - 0.5 &&
            other.left < box.right - 0.5 &&
            box.top < other.bottom - 0.5 &&
            other.top < box.bottom - 0.5,
        ),
      ).length,
    };
  });
  expect(fits).toEqual({ overflow: 0, outside: 0, overlapping: 0 });
}

test("the header fits 1280 pixels with a long address, which the account menu shows in full", async ({
  signedIn,
  a11y,
}) => {
  const ada = await signedIn("researcher");
  await openOrganisation(ada, NORTHBRIDGE);
  await expectHeaderFits(ada);
  const account = ada.getByRole("button", { name: "Signed in as Ada Okafor" });
  await expect(account).toBeVisible();
  // The address waits in the closed account menu rather than crowding the header.
  await expect(ada.locator("header").getByText("ada.okafor@northbridge.test")).toBeHidden();

  await account.click();
  await expect(account).toHaveAttribute("aria-expanded", "true");
  const menu = ada.getByTestId("account-menu");
  await expect(menu).toContainText("ada.okafor@northbridge.test");
  await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
  await a11y.check(ada);
  await ada.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(account).toBeFocused();
});

test("the header names a member's only organisation as a plain link, and offers a member of several the choice", async ({
  signedIn,
  a11y,
}, testInfo) => {
  // Two sign-ins, five pages checked with axe.
  test.setTimeout(120_000);
  await test.step("a member of one organisation sees its name on pages about none", async () => {
    // The operator belongs to the platform's own organisation only.
    const omar = await signedIn("operator");
    const header = omar.locator("header");
    const organisation = header.getByRole("link", {
      name: "Organisation: Tessera Platform Services",
    });
    for (const path of ["/dashboard", "/notifications"]) {
      await omar.goto(path);
      await expect(organisation).toBeVisible();
      await expect(header.getByRole("button", { name: /^Organisation:/ })).toHaveCount(0);
      await expect(header.getByText("Choose an organisation")).toHaveCount(0);
      await expectHeaderFits(omar);
      await a11y.check(omar);
    }
    // By keyboard, to the organisation's page, which the link then marks as the current page.
    await organisation.focus();
    await omar.keyboard.press("Enter");
    await expect(
      omar.getByRole("heading", { level: 1, name: "Tessera Platform Services" }),
    ).toBeVisible();
    await expect(organisation).toHaveAttribute("aria-current", "page");
    await header.screenshot({ path: testInfo.outputPath("single-organisation-header.png") });

    await omar.setViewportSize({ width: 390, height: 844 });
    await omar.getByRole("button", { name: "Menu" }).click();
    await expect(
      omar
        .locator("#app-menu")
        .getByRole("link", { name: "Organisation: Tessera Platform Services" }),
    ).toBeVisible();
    await a11y.check(omar);
  });

  await test.step("a member of several chooses from a menu on a page about none", async () => {
    const chiara = await signedIn("founder");
    const header = chiara.locator("header");
    const choose = header.getByRole("button", { name: "Organisation: Choose an organisation" });
    await choose.focus();
    await chiara.keyboard.press("Enter");
    await expect(choose).toHaveAttribute("aria-expanded", "true");
    await expect(header.getByRole("link", { name: /^Lumen Robotics/ })).toBeVisible();
    await expect(header.getByRole("link", { name: /^Vela Vision Systems/ })).toBeVisible();
    await a11y.check(chiara);
    await chiara.keyboard.press("Escape");
    await expect(choose).toBeFocused();
    await expect(header.getByRole("link", { name: /^Lumen Robotics/ })).toBeHidden();
  });
});

test("platform roles without an organisation get their own sidebar and no push to create one", async ({
  signedIn,
  a11y,
}) => {
  // Three sign-ins, each page checked with axe at two widths.
  test.setTimeout(240_000);
  const sidebars = [
    ["reviewer2", "Sofia Lindqvist", "sofia.lindqvist@review-panel.test", ["My reviews"]],
    ["programAdmin", "Priya Nair", "priya.nair@compute-programmes.test", ["Programmes (admin)"]],
    [
      "platformAdmin",
      "Paula Schmidt",
      "paula.schmidt@platform-ops.test",
      ["Organisation review", "Operations"],
    ],
  ] as const;
  for (const [key, name, email, links] of sidebars) {
    await test.step(`${name} at 1280 pixels`, async () => {
      const page = await signedIn(key);
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      for (const link of links) await expect(nav.getByRole("link", { name: link })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Create an organisation" })).toHaveCount(0);
      // Nothing to switch between: no organisation switcher in the header.
      await expect(page.getByRole("button", { name: /^Organisation:/ })).toHaveCount(0);
      await expectHeaderFits(page);
      await page.getByRole("button", { name: `Signed in as ${name}` }).click();
      await expect(page.getByTestId("account-menu")).toContainText(email);
      await a11y.check(page);

      await test.step(`${name} at 390 pixels`, async () => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByRole("button", { name: "Menu" }).click();
        await expect(nav).toBeVisible();
        for (const link of links) await expect(nav.getByRole("link", { name: link })).toBeVisible();
        await expect(nav.getByRole("link", { name: "Create an organisation" })).toHaveCount(0);
        await expect(page.getByTestId("signed-in-user").filter({ visible: true })).toContainText(
          email,
        );
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await a11y.check(page);
        // Escape closes the menu and puts the focus back on its button.
        await page.keyboard.press("Escape");
        await expect(nav).toBeHidden();
        const menu = page.getByRole("button", { name: "Menu" });
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(menu).toBeFocused();
      });
    });
  }
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

test("at 390 pixels the members, projects and organisation tables scroll sideways from the keyboard", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  /** Every table on the page sits in a named region that a keyboard can focus and scroll. */
  async function tablesScrollFromTheKeyboard(page: Page) {
    await tablesFitOrSayTheyScroll(page);
    const tables = page.locator("main table");
    await expect(tables.first()).toBeVisible();
    for (const table of await tables.all()) {
      const region = table.locator("xpath=ancestor::*[@role='region'][1]");
      await expect(region).toHaveAttribute("tabindex", "0");
      await expect(region).toHaveAccessibleName(/\S/);
    }
    await a11y.check(page);
  }

  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.setViewportSize({ width: 390, height: 844 });
  for (const [path, heading] of [
    ["members", "Members"],
    ["projects", "Projects"],
  ] as const) {
    await test.step(`the organisation's ${path}`, async () => {
      await ada.goto(`/orgs/${organizationId}/${path}`);
      await expect(ada.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await tablesScrollFromTheKeyboard(ada);
    });
  }

  await test.step("the organisation as the platform administrator sees it", async () => {
    const paula = await signedIn("platformAdmin");
    await paula.setViewportSize({ width: 390, height: 844 });
    await paula.goto(`/admin/organizations/${organizationId}`);
    await expect(paula.getByRole("heading", { level: 1, name: NORTHBRIDGE })).toBeVisible();
    await tablesScrollFromTheKeyboard(paula);
  });
});
