import { expect, type Page } from "@playwright/test";

/** The page at 360 pixels wide scrolls no wider than the screen; then back to the desktop size. */
export async function fitsNarrowScreen(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${page.url()} is wider than 360 pixels`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}
