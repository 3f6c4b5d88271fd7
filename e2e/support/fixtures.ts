import { test as base, expect, type Browser, type Page } from "@playwright/test";
import type { PersonaKey } from "@tessera/config";
import { AccessibilityWatch, describeViolations } from "./a11y";
import { signInAs } from "./personas";

interface Fixtures {
  /**
   * Every page opened through the fixtures is checked with axe after each navigation, and must
   * not have content blocked by the Content-Security-Policy.
   */
  a11y: AccessibilityWatch;
  /** A page in its own browser context, signed in as the persona (one person, one browser). */
  signedIn: (key: PersonaKey, callbackPath?: string) => Promise<Page>;
  /** A fresh, signed-out page in its own browser context. */
  newPage: () => Promise<Page>;
}

async function openWatchedPage(
  browser: Browser,
  a11y: AccessibilityWatch,
  baseURL: string | undefined,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  a11y.watch(page);
  return page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  a11y: async ({}, use, testInfo) => {
    const watch = new AccessibilityWatch();
    await use(watch);
    await watch.settle();
    await testInfo.attach("pages checked with axe", {
      body: watch.checked.join("\n"),
      contentType: "text/plain",
    });
    expect(watch.violations, describeViolations(watch.violations)).toEqual([]);
    expect(watch.blockedByPolicy, "content blocked by the Content-Security-Policy").toEqual([]);
  },

  page: async ({ page, a11y }, use) => {
    a11y.watch(page);
    await use(page);
  },

  newPage: async ({ browser, a11y, baseURL }, use) => {
    const opened: Page[] = [];
    await use(async () => {
      const page = await openWatchedPage(browser, a11y, baseURL);
      opened.push(page);
      return page;
    });
    await a11y.settle();
    for (const page of opened) await page.context().close();
  },

  signedIn: async ({ newPage }, use) => {
    await use(async (key, callbackPath) => {
      const page = await newPage();
      await signInAs(page, key, callbackPath);
      return page;
    });
  },
});

export { expect };
