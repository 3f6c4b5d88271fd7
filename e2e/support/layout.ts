import { expect, type Locator, type Page } from "@playwright/test";

/** Run in the page: whether the document itself scrolls sideways, which no page may. */
function pageScrollsSideways(): string[] {
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  return overflow > 0 ? [`the page scrolls sideways by ${overflow}px`] : [];
}

/**
 * Polls until the page neither scrolls sideways nor has any of the problems `findProblems` (run
 * in the page, so self-contained) lists; fails with them. The layout settles as the page's
 * script measures it after a resize.
 */
async function expectNoLayoutProblems(
  page: Page,
  message: string,
  findProblems: () => string[],
): Promise<void> {
  await expect
    .poll(
      async () => [
        ...(await page.evaluate(pageScrollsSideways)),
        ...(await page.evaluate(findProblems)),
      ],
      { message },
    )
    .toEqual([]);
}

/**
 * The page fits a 360-pixel-wide screen: the document never scrolls sideways, and nothing sticks
 * out past the right edge unless it is inside an element that itself scrolls sideways (computed
 * overflow-x auto or scroll: a table in its scrolling region, a code block), where it scrolls
 * inside a box that fits. Anything else past the edge is cut off, even where the document does
 * not scroll (a clipping ancestor, or html or body hiding their overflow). Fails naming the
 * outermost offenders. Then back to the desktop size, unless `stayNarrow` (for more checks at
 * 360 pixels; the caller sets the size back).
 */
export async function fitsNarrowScreen(
  page: Page,
  { stayNarrow = false }: { stayNarrow?: boolean } = {},
): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoLayoutProblems(page, `${page.url()} at 360 pixels`, () => {
    const problems: string[] = [];
    const scrollsSideways = (element: Element) =>
      ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
    const insideScroller = (element: Element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (up === document.body || up === document.documentElement) return false;
        if (scrollsSideways(up)) return true;
      }
      return false;
    };
    const sticksOut = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > window.innerWidth + 1 && !insideScroller(element);
    };
    const wide = [...document.querySelectorAll("body *")].filter(sticksOut);
    // The outermost ones say what to fix; their descendants stick out with them.
    const outermost = wide.filter((element) => !wide.includes(element.parentElement!));
    for (const element of outermost.slice(0, 5)) {
      const right = Math.round(element.getBoundingClientRect().right);
      const classes = element.getAttribute("class") ?? "";
      problems.push(`${element.tagName.toLowerCase()}.${classes} ends at ${right}px`);
    }
    return problems;
  });
  if (!stayNarrow) await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * At the page's current width, nothing scrolls the page sideways, and every table either fits
 * the box it is in or sits in a scrolling region that says, above it, that it scrolls. Waits for
 * the hints to settle (they measure the tables once the page's script runs). Returns nothing;
 * fails with the regions that clip.
 */
export async function tablesFitOrSayTheyScroll(page: Page): Promise<void> {
  await expectNoLayoutProblems(
    page,
    `tables on ${page.url()} at ${page.viewportSize()?.width}px`,
    () => {
      const problems: string[] = [];
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
    },
  );
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

/**
 * Each of the `amounts` (money figures) sits on one line at the page's current width: an amount
 * that wraps ("€300,000.⏎00") misreads. An inline element that wraps has a box per line.
 */
export async function amountsStayOnOneLine(amounts: Locator): Promise<void> {
  await expect(amounts.first()).toBeVisible();
  const wrapped = await amounts.evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 1)
      .map((element) => element.textContent ?? ""),
  );
  expect(wrapped, "amounts that wrap onto a second line").toEqual([]);
}
