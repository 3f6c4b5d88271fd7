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

/**
 * At the page's current width, nothing scrolls the page sideways, and every table either fits
 * the box it is in or sits in a scrolling region that says, above it, that it scrolls. Waits for
 * the hints to settle (they measure the tables once the page's script runs). Returns nothing;
 * fails with the regions that clip.
 */
export async function tablesFitOrSayTheyScroll(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const problems: string[] = [];
          const overflow = document.documentElement.scrollWidth - window.innerWidth;
          if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow}px`);
          for (const table of document.querySelectorAll("main table")) {
            const region = table.closest('[role="region"]');
            const name = table.querySelector("caption")?.textContent ?? "a table";
            if (!region) {
              const parent = table.parentElement!.getBoundingClientRect();
              if (table.getBoundingClientRect().right > parent.right + 1) {
                problems.push(`${name} is cut off and cannot scroll`);
              }
              continue;
            }
            const hint = region.querySelector<HTMLElement>('[data-testid="scroll-hint"]');
            const says = hint !== null && getComputedStyle(hint).display !== "none";
            if (region.scrollWidth > region.clientWidth + 1 && !says) {
              problems.push(`${name} is cut off without saying that it scrolls`);
            }
          }
          return problems;
        }),
      { message: `tables on ${page.url()} at ${page.viewportSize()?.width}px` },
    )
    .toEqual([]);
}

/** Every column of the scrolling table named `caption` is in view: it needs no scrolling. */
export async function everyColumnFits(page: Page, caption: string | RegExp): Promise<void> {
  const region = page.getByRole("region", { name: caption });
  await expect(region).toBeVisible();
  await expect
    .poll(() => region.evaluate((box) => box.scrollWidth - box.clientWidth), {
      message: `${String(caption)} at ${page.viewportSize()?.width}px`,
    })
    .toBeLessThanOrEqual(1);
  await expect(region.getByTestId("scroll-hint")).toBeHidden();
}
