import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  url: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Legacy mode runs axe inside the page instead of opening a helper page per run: the portal
  // has no iframes, and it is several times faster.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      url: page.url(),
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}

function pageGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Target page, context or browser has been closed|frame was detached|Execution context was destroyed/i.test(
    message,
  );
}

/** Marks the current document's window, so that a run whose page was replaced meanwhile can tell. */
async function markDocument(page: Page): Promise<string> {
  const marker = Math.random().toString(36).slice(2);
  await page.evaluate((value) => {
    (window as unknown as { a11yRun?: string }).a11yRun = value;
  }, marker);
  return marker;
}

async function stillDocument(page: Page, marker: string): Promise<boolean> {
  return page.evaluate(
    (value) => (window as unknown as { a11yRun?: string }).a11yRun === value,
    marker,
  );
}

/**
 * Checks every page a test visits: each main-frame navigation (full loads and client-side route
 * changes) queues an axe run once the page has loaded. Runs are serialised; a run whose page is
 * replaced before it finishes is discarded, and the page the test landed on has its own run
 * queued. An address already checked in this test is not checked again on a later visit
 * (`check()` always runs). `settle()` waits for the queue; the fixture fails the test on any
 * serious or critical violation.
 */
export class AccessibilityWatch {
  readonly violations: Violation[] = [];
  readonly checked: string[] = [];
  /** Console reports of content the Content-Security-Policy blocked (a missing nonce, say). */
  readonly blockedByPolicy: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly seen = new Set<string>();
  private readonly navigations = new WeakMap<Page, number>();

  watch(page: Page): void {
    this.navigations.set(page, 0);
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) {
        this.blockedByPolicy.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      this.navigations.set(page, (this.navigations.get(page) ?? 0) + 1);
      this.enqueue(page, false);
    });
  }

  /** Checks the page now (after dialogs open, themes change, the viewport shrinks…). */
  async check(page: Page): Promise<void> {
    this.enqueue(page, true);
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.queue;
  }

  private enqueue(page: Page, always: boolean): void {
    this.queue = this.queue.then(async () => {
      if (page.isClosed()) return;
      const navigationsBefore = this.navigations.get(page);
      try {
        await page.waitForLoadState("load");
        // After a client-side navigation the new page's <title> streams in just after its URL
        // is shown; check the page once it has one (axe reports it if it never comes).
        await page
          .waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 })
          .catch(() => undefined);
        const url = page.url().split("#")[0] ?? "";
        // Every sign-in has its own interaction id; the persona picker is one page.
        const key = url.replace(/\/interaction\/[^/?]+/, "/interaction/:uid");
        if (url === "about:blank" || (!always && this.seen.has(key))) return;

        const marker = await markDocument(page);
        const found = await seriousViolations(page);
        const unchanged =
          (await stillDocument(page, marker)) && this.navigations.get(page) === navigationsBefore;
        if (!unchanged) return;
        this.seen.add(key);
        this.violations.push(...found);
        this.checked.push(url);
      } catch (error) {
        // The test moved on mid-run: the page it landed on has its own run queued. The
        // navigation event can trail the error, so let the new page load before comparing.
        if (!page.isClosed()) await page.waitForLoadState("load").catch(() => undefined);
        const navigatedAway = this.navigations.get(page) !== navigationsBefore;
        if (!navigatedAway && !pageGone(error)) throw error;
      }
    });
  }
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id} at ${v.url}: ${v.help}\n    ${v.targets.join("\n    ")}`)
    .join("\n");
}
