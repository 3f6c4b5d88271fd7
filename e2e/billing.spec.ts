/**
 * Billing as the tenant and as the programme administrator, on the seed's demo billing: the
 * researcher's organisation has last month's invoice finalised and paid, and usage this month
 * (the live draft). Figures are read as integer minor units from the page and must add up.
 */
import { createHmac } from "node:crypto";
import type { Locator } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { E2E } from "../playwright.config";
import { createBillingWorld } from "./support/billing-world";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { fitsNarrowScreen } from "./support/layout";

const SEEDED_PROGRAMME = "National AI Compute Programme 2026";

/**
 * Each line's programme share and organisation's share add up to its list amount. A line of
 * shared-model tokens may be €0.00 (a few dozen tokens, called by another spec meanwhile, are
 * worth less than half a cent); a line of compute may not, nor may every line.
 */
async function expectSharesAddUp(lines: Locator): Promise<number> {
  const count = await lines.count();
  expect(count).toBeGreaterThan(0);
  let total = 0;
  for (let index = 0; index < count; index++) {
    const line = lines.nth(index);
    const minor = async (testId: string) =>
      Number(await line.getByTestId(testId).getAttribute("data-minor"));
    const list = await minor("line-list");
    if (list === 0) expect(await line.getAttribute("data-resource-kind")).toBe("TOKENS");
    else expect(list).toBeGreaterThan(0);
    expect((await minor("line-programme")) + (await minor("line-tenant"))).toBe(list);
    total += list;
  }
  expect(total).toBeGreaterThan(0);
  return count;
}

/** The sum of a figure (line-list, line-programme, line-tenant) over the lines, in minor units. */
async function sumOf(lines: Locator, testId: string): Promise<number> {
  let sum = 0;
  for (let index = 0; index < (await lines.count()); index++) {
    sum += Number(await lines.nth(index).getByTestId(testId).getAttribute("data-minor"));
  }
  return sum;
}

/** An amount as the pages show it ("€1,234.56") in minor units. */
const minorOf = (text: string) => Number(text.replace(/[^0-9]/g, ""));

/** A webhook delivery as Stripe sends one: the event, signed with the endpoint's secret. */
function stripeDelivery(event: Record<string, unknown>): {
  data: string;
  headers: Record<string, string>;
} {
  const payload = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", E2E.stripeWebhookSecret)
    .update(`${timestamp}.${payload}`)
    .digest("hex");
  return {
    data: payload,
    headers: {
      "content-type": "application/json",
      "stripe-signature": `t=${timestamp},v1=${signature}`,
    },
  };
}

test("the tenant sees charges so far and last month's paid invoice, and downloads it", async ({
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
  await expect(ada.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  await a11y.check(ada);

  await test.step("charges so far this month: a draft whose lines add up", async () => {
    const current = ada.getByTestId("current-charges");
    await expect(current).toContainText("The live draft for");
    await expectSharesAddUp(current.getByTestId("billing-line"));
    await expect(current.getByTestId("tenant-total")).toContainText("€");
  });

  const invoiceRow = ada.locator("tr[data-testid^='invoice-INV-']").first();
  await test.step("the invoices table: the finalised invoice, paid", async () => {
    await expect(invoiceRow).toContainText("Finalised");
    await expect(invoiceRow.getByTestId("payment-status")).toHaveText("Paid");
    await fitsNarrowScreen(ada);
    await a11y.check(ada);
  });

  const invoicePath = (await invoiceRow.getByRole("link").first().getAttribute("href")) ?? "";
  expect(invoicePath).toMatch(new RegExp(`^/orgs/${organizationId}/billing/invoices/[^/]+$`));

  await test.step("the invoice: lines whose shares add up, VAT, energy, payment", async () => {
    await invoiceRow.getByRole("link").first().click();
    await expect(ada.getByRole("heading", { level: 1, name: /^Invoice INV-/ })).toBeVisible();
    const lines = await expectSharesAddUp(ada.getByTestId("billing-line"));
    expect(lines).toBe(2);
    await expect(ada.getByTestId("billing-line").first()).toContainText(/Wh \(estimated\)/);
    await expect(ada.getByTestId("billing-totals")).toContainText("VAT");
    await expect(ada.getByTestId("invoice-payment")).toContainText("Your share has been paid");
    // The postal address the seed put in the billing details, under the customer's name.
    await expect(ada.getByTestId("invoice-details")).toContainText("12 Observatory Road");
    await expect(ada.getByTestId("invoice-details")).toContainText("Northbridge NB4 7AL");
    // The programme that pays its share, named with what it pays.
    const programmeShare = (await ada.getByTestId("billing-totals").innerText()).match(
      /Paid by National AI Compute Programme 2026\s+(€[\d,.]+)/,
    )?.[1];
    expect(programmeShare).toBeTruthy();
    await expect(ada.getByTestId("invoice-details")).toContainText(
      `National AI Compute Programme 2026: ${programmeShare}`,
    );
    await expect(ada.getByTestId("vat-note")).toContainText("outside the EU");
    await fitsNarrowScreen(ada);
    await a11y.check(ada);
  });

  await test.step("the PDF and the CSV", async () => {
    const pdf = await ada.request.get(`${invoicePath}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const csv = await ada.request.get(`${invoicePath}/csv`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain("invoice_number,line,kind");
    expect(text).toContain("total_due_minor");
    expect(text).toContain('customer_address,"Northbridge University, Faculty of Computing\n');
  });

  await test.step("charges by month on one scale, with the figures as tables", async () => {
    await ada.goto(`/orgs/${organizationId}/billing/usage`);
    await expect(ada.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
    await expect(ada.getByRole("heading", { name: "Charges by month" })).toHaveCount(1);
    await expect(
      ada.getByRole("img", { name: /^[A-Z][a-z]{2} \d{4}: €[\d,.]+ list value: / }).first(),
    ).toBeVisible();
    // The programme that pays is named: in the key, in each month's words, in the table.
    const paidBy = new RegExp(`^Paid by (.+, |.+ and )?${SEEDED_PROGRAMME}`);
    await expect(ada.locator("li").filter({ hasText: paidBy })).toBeVisible();
    await expect(
      ada.getByRole("img", { name: new RegExp(`paid by (.+ and )?${SEEDED_PROGRAMME}`) }).first(),
    ).toBeVisible();
    await ada.getByText("Show the figures as tables").click();
    await expect(ada.getByRole("table", { name: /^Charges by month/ })).toBeVisible();
    await expect(ada.getByRole("columnheader", { name: paidBy })).toBeVisible();
    await expect(
      ada.getByRole("table", { name: "Usage by month and resource class, each in its own unit" }),
    ).toBeVisible();
    await fitsNarrowScreen(ada);
    await a11y.check(ada);
  });
});

test("an owner with no postal address on file is asked for one and adds it, told beside the field what is wrong, and can remove it", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const world = await createBillingWorld(SEEDED_PROGRAMME);
  const ada = await signedIn("researcher");
  await ada.goto(`/orgs/${world.organizationId}/billing`);
  const notice = ada.getByText("Invoices need your postal address");
  await expect(notice).toBeVisible();
  await ada.getByRole("link", { name: "Add the postal address" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: "Billing details" })).toBeVisible();
  await expect(ada).toHaveURL(/\/billing\/details#billing-address$/);
  const field = ada.getByRole("textbox", { name: "Street, postcode and city" });
  await expect(field).toBeVisible();

  await field.fill(["1", "2", "3", "4", "5", "6", "7"].join("\n"));
  await ada.getByRole("button", { name: "Save address" }).click();
  const message = "The postal address has 7 lines: use at most 6.";
  await expect(ada.locator("#billing-address-error")).toContainText(message);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await a11y.check(ada);

  await field.fill("  Ledger Street 1 \n10115 Berlin");
  await ada.getByRole("button", { name: "Save address" }).click();
  await expect(ada.getByText("Postal address saved.")).toBeVisible();
  await ada.reload();
  await expect(field).toHaveValue("Ledger Street 1\n10115 Berlin");
  await ada.goto(`/orgs/${world.organizationId}/billing`);
  await expect(ada.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // Removed (asked once, naming what is lost): the billing page asks for an address again.
  await ada.goto(`/orgs/${world.organizationId}/billing/details`);
  await ada.getByRole("button", { name: "Remove address" }).click();
  const dialog = ada.getByRole("dialog", { name: "Remove the postal address?" });
  await expect(dialog).toContainText("Removed: Ledger Street 1, 10115 Berlin.");
  await a11y.check(ada);
  await dialog.getByRole("button", { name: "Remove address" }).click();
  await expect(ada.getByText("Postal address removed.")).toBeVisible();
  await expect(field).toHaveValue("");
  await expect(ada.getByRole("button", { name: "Remove address" })).toHaveCount(0);
  await ada.goto(`/orgs/${world.organizationId}/billing`);
  await expect(notice).toBeVisible();
});

test("a stranger gets 404 for the invoice, its PDF and its CSV", async ({ signedIn }) => {
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.goto(`/orgs/${organizationId}/billing`);
  const href =
    (await ada
      .locator("tr[data-testid^='invoice-INV-']")
      .first()
      .getByRole("link")
      .first()
      .getAttribute("href")) ?? "";
  expect(href).toMatch(/\/billing\/invoices\/[^/]+$/);

  const bruno = await signedIn("researcher2");
  const page = await bruno.goto(href);
  expect(page?.status()).toBe(404);
  await expect(bruno.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  for (const download of ["pdf", "csv"]) {
    const response = await bruno.request.get(`${href}/${download}`);
    expect(response.status(), download).toBe(404);
  }
  expect(
    (await bruno.goto(`/orgs/${organizationId}/billing/invoices/no-such-invoice`))?.status(),
  ).toBe(404);
});

test("the programme administrator sees the month's statement with the organisation's line", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(90_000);
  const priya = await signedIn("programAdmin");
  await priya.goto("/admin/programmes");
  await priya.getByRole("link", { name: SEEDED_PROGRAMME }).click();
  await priya.waitForURL(/\/admin\/programmes\/[^/]+$/);
  await priya.getByRole("link", { name: "Monthly statement" }).click();
  await expect(
    priya.getByRole("heading", { level: 1, name: `Statement: ${SEEDED_PROGRAMME}` }),
  ).toBeVisible();
  const row = priya.getByRole("row").filter({ hasText: NORTHBRIDGE }).first();
  await expect(row).toBeVisible();
  await expect(priya.getByTestId("statement-total")).toContainText("€");
  await fitsNarrowScreen(priya);
  await a11y.check(priya);

  await priya.getByRole("link", { name: "Previous month" }).click();
  await expect(
    priya.getByText(/No finalised invoice drew on this programme's awards/),
  ).toBeVisible();
});

test("a month of usage becomes an invoice: charges so far, finalised, downloaded, paid through Stripe's webhook, and on the programme's statement", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(180_000);
  const world = await createBillingWorld(SEEDED_PROGRAMME);
  const ada = await signedIn("researcher");
  const billing = `/orgs/${world.organizationId}/billing`;
  await ada.goto(billing);
  await expect(ada.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();

  await test.step("charges so far: this month's draft, whose lines add up", async () => {
    const current = ada.getByTestId("current-charges");
    await expect(current).toContainText("The live draft for");
    const lines = current.getByTestId("billing-line");
    await expectSharesAddUp(lines);
    expect(await sumOf(lines, "line-list")).toBeGreaterThan(0);
    await a11y.check(ada);
  });

  const invoiceRow = ada.locator("tr[data-testid^='invoice-INV-']").first();
  await test.step("last month is finalised by the worker's billing sweep", async () => {
    await expect(async () => {
      await ada.reload();
      await expect(invoiceRow).toContainText("Finalised", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
  });
  const number = ((await invoiceRow.getAttribute("data-testid")) ?? "").replace(/^invoice-/, "");
  expect(number).toMatch(/^INV-\d{4}-\d{6}$/);
  const invoicePath = (await invoiceRow.getByRole("link").first().getAttribute("href")) ?? "";

  let programmeShare = 0;
  await test.step("the invoice: two lines whose shares add up", async () => {
    await ada.goto(invoicePath);
    await expect(ada.getByRole("heading", { level: 1, name: `Invoice ${number}` })).toBeVisible();
    const lines = ada.getByTestId("billing-line");
    expect(await expectSharesAddUp(lines)).toBe(2);
    programmeShare = await sumOf(lines, "line-programme");
    expect(programmeShare).toBeGreaterThan(0);
    await a11y.check(ada);
  });

  await test.step("the PDF is a real PDF document", async () => {
    const response = await ada.request.get(`${invoicePath}/pdf`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(body);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe(`Invoice ${number}`);
  });

  await test.step("the customer pays on Stripe; Stripe's signed webhook marks the share paid", async () => {
    // The worker has pushed the tenant's share to Stripe (the stand-in) by now, or does shortly.
    let stripeInvoiceId = "";
    await expect(async () => {
      const paid = await ada.request.post(`${E2E.stripe}/test/pay?number=${number}`);
      expect(paid.status()).toBe(200);
      stripeInvoiceId = ((await paid.json()) as { id: string }).id;
    }).toPass({ timeout: 60_000 });
    const event = {
      id: `evt_e2e_${stripeInvoiceId}`,
      object: "event",
      type: "invoice.paid",
      data: { object: { id: stripeInvoiceId, object: "invoice" } },
    };
    // A forged signature is refused and changes nothing.
    const forged = stripeDelivery(event);
    const refused = await ada.request.post("/api/webhooks/stripe", {
      data: forged.data.replace(stripeInvoiceId, `${stripeInvoiceId}x`),
      headers: forged.headers,
    });
    expect(refused.status()).toBe(400);
    // Delivered twice, as Stripe may: applied once.
    const first = await ada.request.post("/api/webhooks/stripe", stripeDelivery(event));
    expect(first.status()).toBe(200);
    expect(await first.json()).toMatchObject({ received: true, applied: true });
    const again = await ada.request.post("/api/webhooks/stripe", stripeDelivery(event));
    expect(await again.json()).toMatchObject({ received: true, applied: false });
  });

  await test.step("the pages show it paid", async () => {
    await ada.goto(invoicePath);
    await expect(ada.getByTestId("invoice-payment")).toContainText("Your share has been paid");
    await ada.goto(billing);
    await expect(invoiceRow.getByTestId("payment-status")).toHaveText("Paid");
    await fitsNarrowScreen(ada);
    await a11y.check(ada);
  });

  await test.step("the programme administrator's statement for the month shows the programme's share", async () => {
    const priya = await signedIn("programAdmin");
    await priya.goto(`/admin/programmes/${world.programmeId}/statement?month=${world.lastMonth}`);
    await expect(
      priya.getByRole("heading", { level: 1, name: `Statement: ${SEEDED_PROGRAMME}` }),
    ).toBeVisible();
    const row = priya.getByTestId(`statement-org-${world.organizationId}`);
    await expect(row).toContainText(world.organizationName);
    expect(minorOf((await row.locator("td").nth(2).textContent()) ?? "")).toBe(programmeShare);
    await a11y.check(priya);
  });
});
