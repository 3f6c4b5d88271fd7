/**
 * The operator's catalogue, as Omar Haddad changes a resource class's list price: before it is
 * saved he is shown what it touches — the price before and after, the jobs running on the class
 * and whose they are, that they keep the price they started at (billing prices each usage record
 * at the version in force when it began) until they end or their next billing month starts, an
 * hour of them, and that the change takes effect at once for jobs started from then on — and
 * confirms; the new price is then the class's. Making it free needs a box ticked as well. The
 * dialog fits a 390-pixel phone. A change someone else made meanwhile is said, and a confirmation
 * it overtook is refused. Every page is checked with axe. A token tier, which runs nothing, shows
 * instead who called its shared models through the gateway over the last 30 days, and what their
 * tokens cost at the current price and at the new one.
 */
import type { Page } from "@playwright/test";
import { createCatalogueWorld, type CatalogueWorld } from "./support/catalogue-world";
import { expect, test } from "./support/fixtures";
import { fitsNarrowScreen } from "./support/layout";

const SEEDED_PROGRAMME = "National AI Compute Programme 2026";

let world: CatalogueWorld;

test.beforeAll(async () => {
  world = await createCatalogueWorld(SEEDED_PROGRAMME);
});

test.afterAll(async () => {
  await world?.end();
});

/** A running job's line: it keeps its price until it ends, or its next billing month starts. */
const keeps = (now: string, next: string) =>
  new RegExp(
    `Keeps ${now.replace(".", "\\.")} an hour, the price it has, until it ends; if it still runs when its next billing month starts on 1 [A-Z][a-z]+ \\d{4} \\([^)]+\\), ${next.replace(".", "\\.")} an hour from then\\.`,
  );

async function askToSave(omar: Page, price: string) {
  const form = omar.getByRole("form", { name: `Edit ${world.resourceClassId}` });
  await form.getByLabel("List price per unit-hour").fill(price);
  await form.getByRole("button", { name: "Save" }).click();
  const dialog = omar.getByRole("dialog", { name: `Change the price of ${world.className}?` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an operator sees what a price change touches, confirms it, and must tick a box to make a class free", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const omar = await signedIn(
    "operator",
    `/operator/catalogue/resource-classes/${world.resourceClassId}`,
  );
  await expect(
    omar.getByRole("heading", { level: 1, name: `Edit ${world.resourceClassId}` }),
  ).toBeVisible();

  await test.step("a new price is shown with the jobs it touches before it is saved", async () => {
    const dialog = await askToSave(omar, "3.50");
    await expect(dialog.getByTestId("price-change-prices")).toHaveText(
      "From €2.95 to €3.50 per GPU-hour.",
    );
    await expect(dialog).toContainText("Takes effect at once when you confirm");
    await expect(dialog.getByTestId("price-change-summary")).toHaveText(
      "On it now: 2 running jobs, run by 1 organisation. An hour of the 6 × GPU running now: €17.70, unchanged — running jobs keep the price they have until they end or their next billing month starts.",
    );
    const rows = dialog.getByTestId("price-change-list").getByRole("listitem");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(world.running[0]!.name);
    await expect(rows.nth(0)).toContainText(`${world.organizationName} · 4 × GPU`);
    await expect(rows.nth(0)).toContainText(keeps("€11.80", "€14.00"));
    await expect(rows.nth(1)).toContainText(world.running[1]!.name);
    await expect(rows.nth(1)).toContainText(
      /Keeps €5\.90 an hour, the price it has, until it ends: its walltime ends by .+, before its next billing month starts\./,
    );
    await expect(dialog).not.toContainText(world.ended);
    // A plain change asks for nothing more.
    await expect(dialog.getByRole("checkbox")).toHaveCount(0);
    await a11y.check(omar);
  });

  await test.step("the dialog fits a 390-pixel phone", async () => {
    await omar.setViewportSize({ width: 390, height: 844 });
    const dialog = omar.getByRole("dialog");
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await expect(dialog.getByRole("button", { name: "Change the price" })).toBeInViewport();
    await fitsNarrowScreen(omar);
  });

  await test.step("cancelling saves nothing; confirming saves the new price", async () => {
    await omar.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(omar.getByRole("dialog")).toBeHidden();
    await omar.reload();
    await expect(omar.getByLabel("List price per unit-hour")).toHaveValue("2.95");

    const dialog = await askToSave(omar, "3.50");
    await dialog.getByRole("button", { name: "Change the price" }).click();
    await expect(dialog).toBeHidden();
    await expect(omar.getByText("Resource class saved.")).toBeVisible();
    await omar.reload();
    await expect(omar.getByLabel("List price per unit-hour")).toHaveValue("3.50");
  });

  await test.step("the organisation's allocations page says its class now costs more than quoted", async () => {
    await world.asOwner(async () => {
      const ada = await signedIn("researcher", `/orgs/${world.organizationId}/allocations`);
      await expect(ada.getByTestId("allocation-repriced")).toHaveText(
        `${world.className} was quoted at €2.95 per GPU-hour and is €3.50 per GPU-hour now. The value above is at the quoted prices; use is billed at the price in force when it runs. The programme pays 50% of each use until its €147.50 share of this award is drawn; after that your organisation pays the whole.`,
      );
      await a11y.check(ada);
      await ada.close();
    });
  });

  await test.step("the audit log files it as a price change, with the prices", async () => {
    const paula = await signedIn(
      "platformAdmin",
      `/admin/audit?action=resource_class.price_changed`,
    );
    const row = paula
      .getByRole("row")
      .filter({ has: paula.getByTestId("audit-target").filter({ hasText: world.className }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("audit-action")).toHaveText("List price changed");
    await expect(row.getByTestId("audit-detail")).toHaveText("List price €2.95 → €3.50");
    await a11y.check(paula);
    await paula.close();
  });

  await test.step("making it free needs the box ticked", async () => {
    const dialog = await askToSave(omar, "0");
    await expect(dialog.getByTestId("price-change-prices")).toHaveText(
      "From €3.50 to €0.00 per GPU-hour.",
    );
    // The jobs started at €2.95, before the change to €3.50: they keep €2.95 until they end.
    await expect(dialog.getByTestId("price-change-summary")).toContainText(
      "An hour of the 6 × GPU running now: €17.70, unchanged",
    );
    await expect(
      dialog.getByTestId("price-change-list").getByRole("listitem").nth(0),
    ).toContainText(keeps("€11.80", "€0.00"));
    const box = dialog.getByRole("checkbox", {
      name: `Make ${world.className} free: jobs that start and endpoint lease windows that open on it from now are billed nothing.`,
    });
    await expect(box).not.toBeChecked();
    await dialog.getByRole("button", { name: "Change the price" }).click();
    await expect(dialog).toContainText(
      "Tick the box to confirm this price, or cancel and check it.",
    );
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await a11y.check(omar);
    await box.check();
    await dialog.getByRole("button", { name: "Change the price" }).click();
    await expect(dialog).toBeHidden();
    await expect(omar.getByText("Resource class saved.")).toBeVisible();
    await omar.reload();
    await expect(omar.getByLabel("List price per unit-hour")).toHaveValue("0.00");
  });

  await test.step("a change by someone else meanwhile is said, and a confirmation it overtook is refused", async () => {
    await world.setPrice(310);
    const dialog = await askToSave(omar, "3.20");
    await expect(dialog.getByTestId("price-moved")).toHaveText(
      "Someone else has changed this price since you opened the page: it was €0.00 and is now €3.10. The change below is from €3.10.",
    );
    await expect(dialog.getByTestId("price-change-prices")).toHaveText(
      "From €3.10 to €3.20 per GPU-hour.",
    );
    await world.setPrice(330);
    await dialog.getByRole("button", { name: "Change the price" }).click();
    await expect(dialog).toBeHidden();
    await expect(omar.getByRole("alert", { name: "There is a problem" })).toContainText(
      `The price of ${world.className} was changed by someone else since you opened this (it is now €3.30 per GPU-hour): review the change again. Nothing was changed.`,
    );
    await omar.reload();
    await expect(omar.getByLabel("List price per unit-hour")).toHaveValue("3.30");
  });
});

test("an operator changing a token tier's price sees who called it lately, and what their calls cost at both prices", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(90_000);
  const omar = await signedIn("operator", `/operator/catalogue/resource-classes/${world.tier.id}`);
  const askToReprice = async (code: string, name: string, price: string) => {
    const form = omar.getByRole("form", { name: `Edit ${code}` });
    await form.getByLabel("List price per million tokens").fill(price);
    await form.getByRole("button", { name: "Save" }).click();
    const dialog = omar.getByRole("dialog", { name: `Change the price of ${name}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  };

  await test.step("the tier's callers of the last 30 days, with their tokens at both prices", async () => {
    const dialog = await askToReprice(world.tier.id, world.tier.name, "0.55");
    await expect(dialog.getByTestId("price-change-prices")).toHaveText(
      "From €0.40 to €0.55 per million tokens.",
    );
    // 3,000,000 tokens: €1.20 at €0.40 per million, €1.65 at €0.55.
    await expect(dialog.getByTestId("price-change-summary")).toHaveText(
      "The last 30 days' calls, €1.20 at the current price, €1.65 at the new one: 3,000,000 tokens, by 1 organisation with 2 API keys.",
    );
    await expect(dialog).not.toContainText("Nothing runs on it now");
    await expect(dialog).toContainText(
      "Takes effect at once when you confirm: every call through the gateway from then on is billed per million tokens at the new price.",
    );
    const rows = dialog.getByTestId("price-change-callers").getByRole("listitem");
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText(world.organizationName);
    await expect(rows.nth(0)).toContainText("3,000,000 tokens · 2 API keys");
    await expect(rows.nth(0)).toContainText("€1.20 at the current price → €1.65 at the new one");
    await a11y.check(omar);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("the seeded shared 8B tier says its calls, or that there were none", async () => {
    await omar.goto(`/operator/catalogue/resource-classes/${world.seededTierId}`);
    // Other tests call the shared models meanwhile: the figures are theirs, the sentence is ours.
    const dialog = await askToReprice("shared-8b-tokens", "Shared 8B chat model — tokens", "0.45");
    await expect(dialog.getByTestId("price-change-summary")).toHaveText(
      /^(The last 30 days' calls, €[\d,]+\.\d\d at the current price, €[\d,]+\.\d\d at the new one: [\d,]+ tokens, by [\d,]+ organisations? with [\d,]+ API keys?\.( .+ a token lease on it now: calling at this moment\.)?|No calls in the last 30 days.+)$/,
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });
});
