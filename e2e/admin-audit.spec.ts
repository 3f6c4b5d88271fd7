import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { persona } from "@tessera/config";
import { expect, test } from "./support/fixtures";
import { fitsNarrowScreen } from "./support/layout";

test("the platform audit log filters events and verifies the hash chain", async ({ signedIn }) => {
  // Verifying walks the whole chain; on a loaded machine that alone can take half a minute.
  test.setTimeout(120_000);
  const admin = await signedIn("platformAdmin");
  await admin
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Audit log (all)" })
    .click();
  await expect(
    admin.getByRole("heading", { level: 1, name: "Audit log (all organisations)" }),
  ).toBeVisible();

  await admin.getByRole("button", { name: "Verify chain" }).click();
  // Verification walks the whole chain; give it longer than an ordinary page update.
  await expect(admin.getByTestId("chain-verdict")).toContainText(
    /The chain is intact: \d+ events checked\./,
    { timeout: 30_000 },
  );

  // Their own sign-in is there, found by actor and action.
  await admin.getByLabel("Actor email").fill(persona("platformAdmin").email);
  await admin.getByLabel("Action").selectOption("session.signed_in");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin.locator('tr[data-action="session.signed_in"]').first()).toBeVisible();
  await expect(admin.locator("tbody tr:not([data-action='session.signed_in'])")).toHaveCount(0);

  // A date range with nothing in it says so.
  await admin.getByLabel("From date").fill("2001-01-01");
  await admin.getByLabel("To date").fill("2001-01-02");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin.getByText("No events match.")).toBeVisible();

  // A period that ends before it starts is explained beside the to date, not as a failed page.
  await admin.getByLabel("From date").fill("2026-02-01");
  await admin.getByLabel("To date").fill("2026-01-01");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(admin.getByLabel("To date")).toHaveAccessibleDescription(
    /To date must be on or after the from date \(2026-02-01\)\. Change one of them\./,
  );
  await expect(admin.getByLabel("To date")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByText("Correct the filters above to see the events.")).toBeVisible();

  // A malformed filter in the address gets a readable message, not an error page.
  await admin.goto("/admin/audit?organizationId=not%20an%20id!");
  await expect(admin.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(admin.getByLabel("Organisation", { exact: true })).toHaveAccessibleDescription(
    /The organisation in this link is not valid/,
  );
  await admin.getByRole("link", { name: "Clear filters" }).click();
  await expect(admin.locator("tbody tr").first()).toBeVisible();

  // At 360 pixels the page fits: the offline-verification command wraps instead of widening it.
  await admin.setViewportSize({ width: 360, height: 740 });
  await expect(admin.getByText("node verify-audit-export.mjs tessera-audit.jsonl")).toBeVisible();
  await fitsNarrowScreen(admin, { stayNarrow: true });
});

test("people without a platform role are told the admin pages are not for them", async ({
  signedIn,
}) => {
  const page = await signedIn("researcher");
  await expect(page.getByRole("link", { name: "Organisation review" })).toHaveCount(0);
  await page.goto("/admin/organizations");
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
});

test("the audit log speaks words, filters by organisation name and links each target", async ({
  signedIn,
}) => {
  test.setTimeout(120_000);
  const admin = await signedIn("platformAdmin");
  await admin.goto("/admin/audit");
  // Actions in words, never their internal codes.
  await expect(admin.getByTestId("audit-action").first()).toBeVisible();
  for (const words of await admin.getByTestId("audit-action").allInnerTexts())
    expect(words).not.toMatch(/^[a-z_]+\.[a-z_]+$/);

  await admin.getByLabel("Organisation", { exact: true }).fill("northbridge");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(/organization=northbridge/);
  const rows = admin.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const cell of await rows.locator("td:nth-child(4)").allInnerTexts())
    expect(cell).toBe("Northbridge University AI Lab");

  // The organisation's own creation names it as the target, linked to its review page.
  await admin.getByLabel("Action").selectOption("organization.created");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  const target = admin.getByTestId("audit-target").first();
  await expect(target).toHaveText("Northbridge University AI Lab");
  await target.click();
  await expect(admin).toHaveURL(/\/admin\/organizations\/[A-Za-z0-9_-]+$/);
  await expect(
    admin.getByRole("heading", { level: 1, name: "Northbridge University AI Lab" }),
  ).toBeVisible();
});

test("the exported chain verifies offline, and a tampered line does not", async ({
  signedIn,
}, testInfo) => {
  test.setTimeout(120_000);
  const admin = await signedIn("platformAdmin");
  await admin.goto("/admin/audit");
  const verifier = path.resolve(
    import.meta.dirname,
    "../packages/core/scripts/verify-audit-export.mjs",
  );

  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "Download JSON Lines" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tessera-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const file = testInfo.outputPath("audit.jsonl");
  await download.saveAs(file);

  const intact = spawnSync(process.execPath, [verifier, file], { encoding: "utf8" });
  expect(intact.stdout).toMatch(/^OK: \d+ events, chain intact from the genesis hash/);
  expect(intact.status).toBe(0);

  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const middle = Math.floor(lines.length / 2);
  const event = JSON.parse(lines[middle]!) as { action: string };
  lines[middle] = JSON.stringify({
    ...event,
    action: "session.signed_out" === event.action ? "session.signed_in" : "session.signed_out",
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
  const tampered = spawnSync(process.execPath, [verifier, file], { encoding: "utf8" });
  expect(tampered.status).toBe(1);
  expect(tampered.stderr).toContain(`BROKEN: line ${middle + 1}`);

  const [csv] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "Download CSV (for reading)" }).click(),
  ]);
  const csvFile = testInfo.outputPath("audit.csv");
  await csv.saveAs(csvFile);
  const [header, ...rows] = readFileSync(csvFile, "utf8").trimEnd().split("\r\n");
  expect(header).toContain("action,action_code");
  expect(header!.endsWith("prev_hash,hash")).toBe(true);
  expect(rows.some((row) => row.includes(",Signed in,session.signed_in,"))).toBe(true);
});
