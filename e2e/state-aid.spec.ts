/**
 * State aid (de minimis): a startup declares other aid with its application; the programme
 * administrator sees the undertaking's three-year total against the €300,000 ceiling before
 * deciding, is refused with the figures when the award would cross it, grants less, and finds
 * the award in the state-aid view and the register export; the platform administrator links the
 * startup to an undertaking group.
 */
import { expect, test } from "./support/fixtures";
import { confirmApproval } from "./support/confirm";
import { createOrganisation, openInReviewQueue } from "./support/flows";
import { amountsStayOnOneLine, fitsNarrowScreen } from "./support/layout";
import { uniqueSuffix } from "./support/personas";
import { createProgramme } from "./support/programmes";

/** A day this many days ago as a date input takes it. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("an award that would cross the de minimis ceiling is refused with the figures, a smaller one is booked and exported", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix();
  const chiara = await signedIn("founder");
  const organisation = await createOrganisation(chiara, `Orbit Sensing ${suffix}`, `OS-${suffix}`);

  await test.step("the platform administrator verifies the startup", async () => {
    const paula = await signedIn("platformAdmin");
    await openInReviewQueue(paula, organisation);
    await paula.getByRole("button", { name: "Verify organisation" }).click();
    await paula
      .getByRole("dialog", { name: `Verify ${organisation.name}?` })
      .getByRole("button", { name: "Verify organisation" })
      .click();
    await expect(paula.getByText("Organisation verified.")).toBeVisible();
  });

  const priya = await signedIn("programAdmin");
  const programme = await createProgramme(priya, {
    name: `Compute Vouchers ${suffix}`,
    budget: "1000000",
    rate: "100",
    cap: "500000",
  });

  const title = `Satellite change detection ${suffix}`;
  const applicationPath =
    await test.step("the founder applies, declaring €290,000 of other aid", async () => {
      await chiara.goto(`/orgs/${organisation.id}/projects`);
      await chiara.getByLabel("Project name").fill("Change detection");
      await chiara.getByRole("button", { name: "Create project" }).click();
      await expect(chiara.getByText("Project Change detection created.")).toBeVisible();

      await chiara.goto(`/orgs/${organisation.id}/applications/new?programme=${programme.id}`);
      await expect(
        chiara.getByRole("heading", { level: 1, name: "New application" }),
      ).toBeVisible();
      await chiara.getByLabel("Project").selectOption({ label: "Change detection" });
      await chiara.getByLabel("Title").fill(title);
      await chiara
        .getByLabel("Resource class, line 1")
        .selectOption({ label: "NVIDIA H100 80 GB (h100-80gb)" });
      await chiara.getByLabel("Hours, line 1").fill("5000");
      // 5,000 h × €2.95, all paid by the programme.
      await expect(chiara.getByTestId("quote").getByTestId("total-programme")).toHaveText(
        "€14,750.00",
      );
      await chiara
        .getByLabel("Abstract")
        .fill("Change detection on open satellite imagery for insurers.");
      await chiara
        .getByLabel("Justification")
        .fill("Training a segmentation model on five years of imagery needs sustained GPU time.");
      const declaration = chiara.getByTestId("declared-aid");
      // Neither answer chosen: the form asks before it sends anything.
      await chiara.getByRole("button", { name: "Save draft" }).click();
      await expect(chiara.getByRole("alert", { name: "There is a problem" })).toContainText(
        "Say whether your organisation received other de minimis aid.",
      );
      await declaration.getByLabel("Yes — I list it below").check();
      await declaration.getByLabel("Grantor of aid 1").fill("Regional Development Agency");
      await declaration.getByLabel("Amount of aid 1 (€)").fill("290000.005");
      await declaration.getByLabel("Date aid 1 was granted").fill(daysAgo(100));
      await chiara.getByRole("button", { name: "Save draft" }).click();
      await expect(chiara.getByRole("alert", { name: "There is a problem" })).toContainText(
        "Enter the amount of aid 1 to the cent, at most two decimals, like 12,500.00.",
      );
      await declaration.getByLabel("Amount of aid 1 (€)").fill("290000");
      await a11y.check(chiara);
      await chiara.getByRole("button", { name: "Save draft" }).click();
      await chiara.waitForURL(/\/orgs\/[^/]+\/applications\/[^/]+$/);
      await expect(chiara.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(
        chiara.getByRole("region", { name: "Other de minimis aid declared by the applicant" }),
      ).toContainText("Regional Development Agency");
      await chiara.getByRole("button", { name: "Submit application" }).click();
      await expect(chiara.getByText("Application submitted.")).toBeVisible();
      return new URL(chiara.url()).pathname;
    });

  await test.step("the administrator sees the undertaking's total against the ceiling", async () => {
    const applicationId = applicationPath.split("/")[4]!;
    await priya.goto(`/admin/programmes/${programme.id}/applications/${applicationId}`);
    await expect(priya.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await priya.getByRole("button", { name: "Start review" }).click();
    await expect(priya.getByText("Review started.")).toBeVisible();
    const standing = priya.getByTestId("state-aid-standing");
    await expect(standing).toContainText(`${organisation.name} is an undertaking`);
    await expect(standing.getByTestId("aid-awarded")).toHaveText("€0.00");
    await expect(standing.getByTestId("aid-declared")).toHaveText("€290,000.00");
    await expect(standing.getByTestId("aid-this-award")).toHaveText("€14,750.00");
    await expect(standing.getByTestId("aid-award-note")).toHaveText(
      "The figures with this award follow the amounts entered to grant under “Decision”.",
    );
    await expect(standing.getByTestId("aid-after")).toHaveText("€304,750.00");
    await expect(standing.getByTestId("aid-ceiling")).toHaveText("€300,000.00");
    await expect(standing.getByTestId("aid-remaining")).toHaveText("€0.00");
    await expect(standing.getByTestId("aid-over")).toContainText("€4,750.00 above the ceiling");
    // At a laptop's width (and a phone's) the long labels wrap, never the amounts beside them.
    const amounts = standing.locator(
      ["awarded", "declared", "received", "this-award", "after", "ceiling", "remaining"]
        .map((figure) => `[data-testid="aid-${figure}"]`)
        .join(", "),
    );
    await amountsStayOnOneLine(amounts);
    await priya.setViewportSize({ width: 360, height: 740 });
    await amountsStayOnOneLine(amounts);
    await priya.setViewportSize({ width: 1280, height: 900 });
    await expect(
      standing.getByRole("img", {
        name: "€290,000.00 received and €14,750.00 for this award, of the €300,000.00 ceiling",
      }),
    ).toBeVisible();
    await expect(priya.getByTestId("de-minimis-preview")).toHaveText(
      "De minimis: €304,750.00 with this award — above the €300,000.00 ceiling; the approval will be refused.",
    );
  });

  await test.step("approving it as asked is refused with the figures", async () => {
    await priya.getByRole("button", { name: "Approve and grant" }).click();
    await expect(priya.getByTestId("approve-de-minimis")).toContainText("above the €300,000.00");
    await a11y.check(priya);
    await confirmApproval(priya, title);
    await expect(priya.getByRole("alert").filter({ hasText: "de minimis ceiling" })).toContainText(
      /€290,000\.00 already received in the three years to \d{1,2} \w+ \d{4} \(Brussels time\) \+ €14,750\.00 for this award = €304,750\.00, above the €300,000\.00 de minimis ceiling\./,
    );
    await expect(priya.getByTestId("application-status")).toHaveText("Under review");
  });

  await test.step("a smaller grant within the ceiling is approved and booked", async () => {
    await priya.getByLabel("Hours to grant for NVIDIA H100 80 GB").fill("3000");
    await expect(priya.getByTestId("de-minimis-preview")).toHaveText(
      "De minimis: €298,850.00 of the €300,000.00 ceiling with this award (€1,150.00 left).",
    );
    // The state-aid panel follows the amount entered, as the form does: one award on the page.
    const standing = priya.getByTestId("state-aid-standing");
    await expect(standing.getByTestId("aid-this-award")).toHaveText("€8,850.00");
    await expect(standing.getByTestId("aid-after")).toHaveText("€298,850.00");
    await expect(standing.getByTestId("aid-remaining")).toHaveText("€1,150.00");
    await expect(standing.getByTestId("aid-over")).toHaveCount(0);
    await expect(standing).toContainText("This award as entered to grant");
    await priya.getByRole("button", { name: "Approve and grant" }).click();
    await confirmApproval(priya, title, "€298,850.00 of the €300,000.00 ceiling");
    await expect(priya.getByText("Application approved.")).toBeVisible();
    await expect(priya.getByTestId("aid-booked")).toContainText("Booked €8,850.00 on");
    await expect(priya.getByTestId("aid-booked")).toContainText(
      "the undertaking's three-year total was then €298,850.00 of the €300,000.00 ceiling",
    );
  });

  await test.step("the state-aid view lists the undertaking, its ledger and the register export", async () => {
    await priya
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "State aid" })
      .click();
    await expect(
      priya.getByRole("heading", { level: 1, name: "State aid (de minimis)" }),
    ).toBeVisible();
    await expect(priya.getByTestId("state-aid-as-of")).toContainText("Ceiling €300,000.00");
    await priya.getByLabel("Search undertakings").fill(organisation.name);
    await priya.getByLabel("Show", { exact: true }).selectOption("NEAR_CEILING");
    await priya.getByRole("button", { name: "Apply filters" }).click();
    const row = priya.getByTestId(`undertaking-${organisation.id}`);
    await expect(row.getByTestId("undertaking-total")).toHaveText("€298,850.00");
    await fitsNarrowScreen(priya);

    await row.getByRole("link", { name: `Ledger rows of ${organisation.name}` }).click();
    await expect(priya.getByTestId("ledger-scope")).toContainText(organisation.name);
    const ledger = priya.getByRole("region", {
      name: "De minimis ledger rows, newest grant first",
    });
    await expect(ledger.getByRole("row")).toHaveCount(3);
    await expect(ledger).toContainText("€8,850.00");
    await expect(ledger).toContainText("€290,000.00");
    await fitsNarrowScreen(priya);

    const href = await priya
      .getByRole("link", { name: "Download the register export (CSV)" })
      .getAttribute("href");
    expect(href).toContain(`organization=${organisation.id}`);
    const response = await priya.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "record_id,kind,undertaking,registry_id,country,group,group_registry_id,grant_date,gross_grant_equivalent_eur,currency,programme,grantor,legal_basis,award_id,application_id,booked_at,grant_date_time_zone,counted_in_total,repeats_record_id",
    );
    // The register gets the award, not the aid others granted.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,AWARD,${organisation.name},OS-${suffix.toUpperCase()},IT,,,`);
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2},8850\.00,EUR,/);
    expect(lines[1]).toMatch(/,Europe\/Brussels,yes,$/);
    expect(lines[1]).toContain(",8850.00,EUR,");
    expect(lines[1]).toContain("Commission Regulation (EU) 2023/2831 (de minimis aid)");
  });

  await test.step("the platform administrator links the startup to an undertaking group", async () => {
    const paula = await signedIn("platformAdmin");
    await paula.goto(`/admin/organizations/${organisation.id}`);
    const card = paula
      .locator("section")
      .filter({ has: paula.getByRole("heading", { name: "State aid", exact: true }) });
    await expect(card.getByText("Startups are always undertakings")).toBeVisible();
    await card.getByLabel("Group name").fill(`Orbit Holding ${suffix}`);
    await card.getByLabel("Country of the register (ISO code)").fill("IT");
    await card.getByLabel("Registry number").fill(`OH-${suffix}`);
    await card.getByRole("button", { name: "Create group" }).click();
    await expect(card.getByText(`Orbit Holding ${suffix} created`)).toBeVisible();
    await expect(card.getByLabel("Undertaking group", { exact: true })).toHaveValue(/.+/);
    await card.getByRole("button", { name: "Save state-aid facts" }).click();
    await expect(card.getByText("State-aid facts saved.")).toBeVisible();
    await expect(paula.getByTestId("state-aid-standing")).toContainText(
      `It belongs to the undertaking group Orbit Holding ${suffix}, which has no other organisation on Tessera.`,
    );
  });
});

test("the state-aid pages are refused to those who may not read them, and the export too", async ({
  signedIn,
}) => {
  const rui = await signedIn("reviewer");
  const refused = await rui.goto("/admin/state-aid");
  // A platform page: a real 403, the platform's refusal, nothing of the page it refuses.
  expect(refused?.status()).toBe(403);
  await expect(rui.getByText("You do not have access to this page")).toBeVisible();
  await expect(rui.getByText("Platform administrators grant this role")).toBeVisible();
  await expect(rui.getByText("Ask an owner or administrator")).toHaveCount(0);
  await expect(rui.getByText(/Each undertaking's de minimis aid/)).toHaveCount(0);
  await expect(
    rui
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "State aid" }),
  ).toHaveCount(0);
  const response = await rui.request.get("/admin/state-aid/export?kind=award");
  expect(response.status()).toBe(403);
  const priya = await signedIn("programAdmin");
  expect((await priya.request.get("/admin/state-aid/export?kind=everything")).status()).toBe(400);
  await priya.goto("/admin/state-aid/ledger?from=2026-02-30");
  await expect(
    priya.getByRole("alert").filter({ hasText: "The first day is not a date" }),
  ).toBeVisible();
});
