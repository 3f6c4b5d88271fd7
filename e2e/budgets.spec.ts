/**
 * Budgets: the owner of the seed's researcher organisation sets a monthly budget and reads this
 * month's spend against it; the programme administrator reads the burn-down with its projected
 * exhaustion. Figures are read as integer minor units from the page and must agree.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { formatPercent } from "../packages/core/src/programmes/format-percent";
import { fitsNarrowScreen } from "./support/layout";

const SEEDED_PROGRAMME = "National AI Compute Programme 2026";

async function minorOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute("data-minor"));
}

test("the owner sets a monthly budget, sees this month's spend against it, and removes it", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Billing" })
    .click();
  await ada.getByRole("link", { name: "Monthly budget" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: "Monthly budget" })).toBeVisible();
  expect(new URL(ada.url()).pathname).toBe(`/orgs/${organizationId}/billing/budget`);
  await expect(ada.getByTestId("budget-basis")).toContainText("before VAT");
  await a11y.check(ada);

  const amount = ada.getByLabel(/^Monthly budget \(EUR/);
  await test.step("a budget that is not an amount is refused beside the field", async () => {
    await amount.fill("lots");
    await ada.getByRole("button", { name: "Save budget" }).click();
    await expect(
      ada.getByRole("alert").filter({ hasText: "Enter the monthly budget" }).first(),
    ).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    // Each kind of mistake is named, not answered with one message for all.
    for (const [typed, message] of [
      ["12.345", "Enter the monthly budget to the cent, at most two decimals"],
      ["-50", "Enter a monthly budget above zero"],
      ["99999999999999999999", "The monthly budget can be at most €10,000,000,000,000.00."],
    ] as const) {
      await amount.fill(typed);
      await ada.getByRole("button", { name: "Save budget" }).click();
      await expect(ada.getByRole("alert").filter({ hasText: message }).first()).toBeVisible();
    }
  });

  await test.step("€2,500.00 a month: the bar and the figures agree", async () => {
    await amount.fill("2,500.00");
    await ada.getByRole("button", { name: "Save budget" }).click();
    await expect(
      ada.getByRole("status").filter({ hasText: "The monthly budget is now €2,500.00." }),
    ).toBeVisible();
    await expect(ada.getByTestId("budget-amount")).toHaveAttribute("data-minor", "250000");
    const spent = await minorOf(ada, "budget-spent");
    // One decimal, rounded (the house's percentage rule): never cut down to a whole percent.
    const percent = formatPercent(spent, 250_000);
    expect(percent).toMatch(/^\d+\.\d%$/);
    await expect(ada.getByTestId("budget-bar-text")).toHaveText(
      new RegExp(`spent of a €2,500\\.00 budget \\(${percent.replace(".", "\\.")}\\)$`),
    );
    await expect(ada.getByRole("img", { name: /spent of a €2,500\.00 budget/ })).toBeVisible();
    await expect(ada.getByTestId("threshold-50")).toBeVisible();
    // The month end is what is spent plus what runs now, run on — said in one sentence.
    expect(await minorOf(ada, "budget-projected")).toBeGreaterThanOrEqual(spent);
    await expect(ada.getByTestId("budget-projection-basis")).toHaveText(
      /^€[\d,.]+ so far(\. Nothing is running now| \+ €[\d,.]+ (if|for) )/,
    );
    await fitsNarrowScreen(ada);
    await a11y.check(ada);
  });

  await test.step("removing the budget asks once and says what stops", async () => {
    await ada.getByRole("button", { name: "Remove the budget" }).click();
    const dialog = ada.getByRole("dialog", { name: "Remove the monthly budget?" });
    await expect(dialog).toContainText("will no longer be told");
    await dialog.getByRole("button", { name: "Yes, remove it" }).click();
    await expect(ada.getByText("No monthly budget set")).toBeVisible();
    await expect(ada.getByTestId("threshold-80")).toContainText("No budget: no alerts");
  });

  await test.step("a stranger gets 404", async () => {
    const bruno = await signedIn("researcher2");
    const response = await bruno.goto(`/orgs/${organizationId}/billing/budget`);
    expect(response?.status()).toBe(404);
  });
});

test("the programme administrator sees the burn-down with its projected exhaustion", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(90_000);
  const priya = await signedIn("programAdmin");
  await priya.goto("/admin/programmes");
  await priya.getByRole("link", { name: SEEDED_PROGRAMME }).click();
  await priya.waitForURL(/\/admin\/programmes\/[^/]+$/);
  await expect(priya.getByRole("heading", { level: 1, name: SEEDED_PROGRAMME })).toBeVisible();

  const outcome =
    /^(Yes, on .+, at €[\d,.]+ a day\.|Not before .+, at €[\d,.]+ a day\.|Not at present: nothing was consumed in the last (?:hour|\d+ hours|\d+ days), so no date is projected\.|Too early to project: consumption started less than an hour ago, too little to read a daily rate from\.|Not projected: nothing has been consumed on this programme's awards yet, so there is no rate to project from\.|It has: the budget is used up\.)$/;
  const projection = priya.getByTestId("projection");
  await expect(projection.getByRole("heading", { name: "Projected exhaustion" })).toBeVisible();
  await expect(projection).toContainText(
    "Consumption is what the programme owes for usage on its awards",
  );
  await expect(priya.getByTestId("projection-outcome")).toHaveText(outcome);
  const said = (await priya.getByTestId("projection-outcome").textContent()) ?? "";
  // The chart says the same outcome in its label; its figures are in the table behind it.
  await expect(
    priya.getByRole("img", {
      name: new RegExp(`^Line chart: .* budget\\. Will the budget run out\\? ${literal(said)}$`),
    }),
  ).toBeVisible();
  await priya.getByText("Burn-down as a table").click();
  await expect(
    priya.getByRole("table", { name: "Cumulative awarded and consumed amounts per day" }),
  ).toBeVisible();
  await fitsNarrowScreen(priya);
  await a11y.check(priya);

  await test.step("the monthly statement counts each line in its class's unit", async () => {
    await priya.getByRole("link", { name: "Monthly statement" }).click();
    const lines = priya.getByRole("table", { name: /^Invoice lines drawing on/ });
    await expect(lines).toContainText("GPU-hours");
    await expect(lines).not.toContainText("unit-hours");
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
