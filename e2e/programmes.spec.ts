import type { Page } from "@playwright/test";
import { persona } from "@tessera/config";
import type { AccessibilityWatch } from "./support/a11y";
import { confirmApproval } from "./support/confirm";
import { expect, test } from "./support/fixtures";
import { fitsNarrowScreen } from "./support/layout";
import { uniqueSuffix } from "./support/personas";
import {
  applyToProgramme,
  assignReviewer,
  createProgramme,
  openAdminApplication,
  openReview,
} from "./support/programmes";

const rui = persona("reviewer");

/**
 * The priced table of a reduced award, as every page shows it: 1,000 H100-hours requested at
 * €2.95 (€2,950.00), 600 granted (€1,770.00), the programme paying 70 %.
 */
async function expectReducedAwardFigures(page: Page) {
  const figures = async (
    row: string,
    hours: string | null,
    list: string,
    programme: string,
    tenant: string,
  ) => {
    const cells = page.getByTestId(row);
    if (hours !== null) await expect(cells.getByTestId("hours")).toHaveText(hours);
    await expect(cells.getByTestId("list")).toHaveText(list);
    await expect(cells.getByTestId("programme")).toHaveText(programme);
    await expect(cells.getByTestId("tenant")).toHaveText(tenant);
  };
  await figures("line-h100-80gb-requested", "1,000 GPU-hours", "€2,950.00", "€2,065.00", "€885.00");
  await figures("line-h100-80gb-granted", "600 GPU-hours", "€1,770.00", "€1,239.00", "€531.00");
  await figures("total-requested", null, "€2,950.00", "€2,065.00", "€885.00");
  await figures("total-granted", null, "€1,770.00", "€1,239.00", "€531.00");
  // Neutral words: the reviewer and the administrator do not pay.
  await expect(page.getByRole("columnheader", { name: "Organisation pays" }).first()).toBeVisible();
  await expect(page.getByRole("main").getByText("You pay")).toHaveCount(0);
}
const sofia = persona("reviewer2");

test("a programme is created, applied to, reviewed and awarded with a reduced amount", async ({
  signedIn,
}) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix();
  const priya = await signedIn("programAdmin");

  const programme =
    await test.step("the programme administrator creates a programme with an open call", async () => {
      const created = await createProgramme(priya, {
        name: `Speech Compute Fund ${suffix}`,
        budget: "500000",
        rate: "70",
        cap: "100000",
        wrongFirst: {
          budget: "12.345",
          cap: "0",
          problems: [
            "Enter the programme's budget to the cent, at most two decimals, like 2,000,000.00.",
            "Enter a limit per organisation above zero.",
          ],
        },
      });
      await expect(
        priya.getByRole("main").getByText("Open", { exact: true }).first(),
      ).toBeVisible();
      await expect(priya.getByTestId("budget-meter-text")).toHaveText(
        "€0.00 of €500,000.00 awarded (0.0%)",
      );
      return created;
    });

  const ada = await signedIn("researcher");
  const application =
    await test.step("the researcher applies with a live quote and submits", async () =>
      applyToProgramme(ada, programme, {
        title: `Speech encoders ${suffix}`,
        project: "Multilingual speech models",
        resourceClass: "NVIDIA H100 80 GB (h100-80gb)",
        hours: "1000",
        // 1,000 h × €2.95 = €2,950.00; the programme pays 70 %.
        expectTotals: { list: "€2,950.00", programme: "€2,065.00", tenant: "€885.00" },
      }));

  await test.step("the administrator assigns two reviewers", async () => {
    await openAdminApplication(priya, programme, application);
    await assignReviewer(priya, rui.name);
    await assignReviewer(priya, sofia.name);
    await expect(priya.getByTestId("application-status")).toHaveText("Under review");
  });

  await test.step("the first reviewer declares no conflict and scores", async () => {
    const reviewer = await signedIn("reviewer");
    await openReview(reviewer, application);
    await reviewer.getByLabel("No, I have no conflict of interest").check();
    await reviewer.getByLabel("4 — Very good").check();
    // A comment of invisible characters only is told so in the form, before anything is sent.
    await reviewer.getByLabel("Comment").fill("\u200B".repeat(8));
    await reviewer.getByRole("button", { name: "Submit score" }).click();
    await expect(
      reviewer.getByRole("link", {
        name: "Enter a comment. Invisible characters alone do not count.",
      }),
    ).toBeVisible();
    await reviewer
      .getByLabel("Comment")
      .fill("A clear plan with realistic compute estimates; the largest model is optional.");
    await reviewer.getByRole("button", { name: "Submit score" }).click();
    await expect(reviewer.getByText("Score saved.")).toBeVisible();
    await expect(reviewer.getByTestId("your-score")).toContainText("You scored 4 of 5");
  });

  await test.step("the second reviewer declares a conflict and cannot score", async () => {
    const reviewer = await signedIn("reviewer2");
    await openReview(reviewer, application);
    await reviewer.getByLabel("Yes, I have a conflict of interest").check();
    await reviewer
      .getByLabel("Describe the conflict")
      .fill("I co-supervise a student in this lab.");
    await reviewer.getByRole("button", { name: "Declare conflict" }).click();
    await expect(
      reviewer.getByText(
        "You cannot score this application because you declared a conflict of interest.",
      ),
    ).toBeVisible();
    await expect(reviewer.getByRole("button", { name: "Submit score" })).toHaveCount(0);
    await expect(reviewer.getByRole("radio")).toHaveCount(0);
  });

  await test.step("the administrator sees the scores side by side and approves less", async () => {
    await priya.reload();
    await expect(priya.getByTestId(`review-${rui.email}`)).toContainText("4 of 5");
    await expect(priya.getByTestId(`review-${sofia.email}`)).toContainText(
      "Conflict of interest declared",
    );
    await expect(priya.getByTestId("review-summary")).toHaveText(
      "1 of 1 scored, mean 4.00 (1 reviewer declared a conflict)",
    );
    const hours = priya.getByLabel("Hours to grant for NVIDIA H100 80 GB");
    await expect(hours).toHaveValue("1000");
    // More than was requested: no figures for an award the form would refuse.
    await hours.fill("1300");
    await expect(priya.getByTestId("grant-preview")).toContainText("appear here once");
    await expect(priya.getByTestId("grant-preview")).not.toContainText("€");
    await hours.fill("600");
    // 600 h × €2.95 = €1,770.00, of which the programme pays 70 %.
    await expect(priya.getByTestId("grant-preview")).toContainText(
      "€1,770.00 list value — the programme pays €1,239.00, the organisation pays €531.00",
    );
    await priya.getByRole("button", { name: "Approve and grant" }).click();
    // Every reviewer scored or declared a conflict: the dialog warns of nothing.
    await expect(priya.getByTestId("approve-warning")).toHaveCount(0);
    await confirmApproval(priya, application.title, "commits €1,239.00 of its budget");
    await expect(priya.getByText("Application approved.")).toBeVisible();
    await expect(priya.getByTestId("application-status")).toHaveText("Approved");
    // Decided: the section shows the decision, not how to make one.
    await expect(priya.getByTestId("decision-outcome")).toHaveText(
      /^Approved on .+ by Priya Nair\.$/,
    );
    await expect(priya.getByTestId("decision-record")).toContainText(
      "NVIDIA H100 80 GB: 600 GPU-hours of 1,000 GPU-hours requested",
    );
    await expect(priya.getByTestId("decision-granted")).toContainText(
      "the programme pays €1,239.00",
    );
    await expect(priya.getByText("Approve with the amounts to grant")).toHaveCount(0);
    await expectReducedAwardFigures(priya);
    await priya.goto(`/admin/programmes/${programme.id}`);
    await expect(priya.getByTestId("budget-meter-text")).toHaveText(
      "€1,239.00 of €500,000.00 awarded (0.2%)",
    );
    const row = priya.getByRole("row").filter({ hasText: application.title });
    await expect(row.getByTestId("requested-amount")).toHaveText("€2,065.00 requested");
    await expect(row.getByTestId("granted-amount")).toHaveText("€1,239.00 granted");
  });

  await test.step("the reviewer sees what was granted beside what was asked", async () => {
    const reviewer = await signedIn("reviewer");
    await reviewer.goto("/reviews?show=all");
    await reviewer.getByRole("link", { name: application.title }).click();
    await expect(
      reviewer.getByRole("heading", { level: 1, name: application.title }),
    ).toBeVisible();
    await expectReducedAwardFigures(reviewer);
  });

  await test.step("the researcher sees the allocation with the reduced amount", async () => {
    await ada.goto(`/orgs/${application.organizationId}/applications/${application.id}`);
    await expect(ada.getByTestId("application-status")).toHaveText("Approved");
    await expectReducedAwardFigures(ada);
    await ada.getByRole("link", { name: "View allocations" }).click();
    await expect(ada.getByRole("heading", { level: 1, name: "Allocations" })).toBeVisible();
    const card = ada
      .locator("section")
      .filter({ has: ada.getByRole("link", { name: application.title }) });
    const line = card.getByTestId("allocation-line-h100-80gb");
    await expect(line.getByTestId("granted")).toHaveText("600 GPU-hours");
    await expect(line.getByTestId("remaining")).toHaveText("600 GPU-hours");
    await expect(card.getByTestId("allocation-value")).toContainText("Granted value €1,770.00");
    await expect(card.getByTestId("line-h100-80gb-granted").getByTestId("list")).toHaveText(
      "€1,770.00",
    );
    await expect(card.getByTestId("line-h100-80gb-requested").getByTestId("list")).toHaveText(
      "€2,950.00",
    );
    await expect(card.getByText("Active", { exact: true })).toBeVisible();
  });

  await test.step("the researcher is told in the portal", async () => {
    await ada.getByTestId("notifications-indicator").click();
    await expect(ada.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const notice = ada
      .getByTestId("notification")
      .filter({ hasText: `Application approved: ${application.title}` });
    await expect(notice).toContainText("with reduced amounts");
    await notice.getByRole("button", { name: /^Mark as read/ }).click();
    await expect(notice.getByRole("button", { name: /^Mark as read/ })).toHaveCount(0);
  });
});

test("a request over the organisation's limit is capped where the administrator decides, and changes are asked for and made", async ({
  signedIn,
}) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const priya = await signedIn("programAdmin");
  const programme = await createProgramme(priya, {
    name: `Small Grants ${suffix}`,
    budget: "1000",
    rate: "70",
    cap: "1000",
  });
  const ada = await signedIn("researcher");
  const application = await applyToProgramme(ada, programme, {
    title: `Encoder ablations ${suffix}`,
    project: "Multilingual speech models",
    resourceClass: "NVIDIA H100 80 GB (h100-80gb)",
    hours: "1000",
    expectTotals: { list: "€2,950.00", programme: "€2,065.00", tenant: "€885.00" },
  });

  await openAdminApplication(priya, programme, application);
  await priya.getByRole("button", { name: "Start review" }).click();
  await expect(priya.getByTestId("application-status")).toHaveText("Under review");
  // Where she decides: what the organisation holds, its limit, what is left, and the excess.
  await expect(priya.getByTestId("organisation-limit")).toHaveText(
    "Already holds €0.00 from this programme, of its €1,000.00 limit per organisation: €1,000.00 left.",
  );
  await expect(priya.getByTestId("over-limit")).toHaveText(
    "It asks the programme for €2,065.00, but only €1,000.00 is left of the organisation's limit: €1,065.00 too much. You can grant at most €1,000.00 of programme share; the approval form below starts there.",
  );
  // The approval starts from the most that fits: 484 h × €2.95 × 70 % = €999.46.
  const hours = priya.getByLabel("Hours to grant for NVIDIA H100 80 GB");
  await expect(hours).toHaveValue("484");
  await expect(priya.getByTestId("grant-capped")).toHaveText(
    "Pre-filled with the most that fits the €1,000.00 left of the organisation's limit, not the full request. You may grant less.",
  );
  // Not also said to be what was asked for.
  await expect(
    priya.getByText("Pre-filled with what was asked for.", { exact: false }),
  ).toHaveCount(0);
  // Granting the full request is refused before any confirmation, in words.
  await hours.fill("1000");
  await priya.getByRole("button", { name: "Approve and grant" }).click();
  await expect(
    priya
      .getByText(
        "This grant's programme share, €2,065.00, is more than the €1,000.00 left of the organisation's limit. Grant less.",
      )
      .first(),
  ).toBeVisible();
  await expect(priya.getByRole("dialog", { name: `Approve “${application.title}”?` })).toBeHidden();
  await priya.reload();
  await expect(priya.getByTestId("application-status")).toHaveText("Under review");

  await test.step("the administrator asks for changes instead", async () => {
    await priya
      .getByLabel("What should the applicant change?")
      .fill("Please ask for at most 400 GPU-hours: the programme cannot fund more.");
    await priya.getByRole("button", { name: "Ask for changes" }).click();
    await expect(priya.getByText("Changes requested.")).toBeVisible();
    await expect(priya.getByTestId("application-status")).toHaveText("Changes requested");
  });

  await test.step("the researcher answers the changes and resubmits", async () => {
    await ada.goto(`/orgs/${application.organizationId}/applications/${application.id}`);
    await expect(ada.getByTestId("decision-note")).toHaveText(
      "Please ask for at most 400 GPU-hours: the programme cannot fund more.",
    );
    await ada.getByRole("link", { name: "Edit to answer the changes" }).click();
    await expect(ada.getByRole("heading", { level: 1, name: "Edit application" })).toBeVisible();
    await ada.getByLabel("Hours, line 1").fill("400");
    // 400 h × €2.95 = €1,180.00; the programme's 70 % is €826.00.
    await expect(ada.getByTestId("quote").getByTestId("total-programme")).toHaveText("€826.00");
    await ada.getByRole("button", { name: "Save changes" }).click();
    await ada.waitForURL(`**/applications/${application.id}`);
    await ada.getByRole("button", { name: "Resubmit application" }).click();
    await expect(ada.getByTestId("application-status")).toHaveText("Submitted");
    await expect(ada.getByTestId("timeline")).toContainText("Resubmitted with changes");
  });

  await test.step("the resubmitted application fits the budget and is approved", async () => {
    await priya.reload();
    await priya.getByRole("button", { name: "Start review" }).click();
    await expect(priya.getByTestId("application-status")).toHaveText("Under review");
    await expect(priya.getByLabel("Hours to grant for NVIDIA H100 80 GB")).toHaveValue("400");
    await priya.getByRole("button", { name: "Approve and grant" }).click();
    await confirmApproval(priya, application.title);
    await expect(priya.getByText("Application approved.")).toBeVisible();
    await expect(priya.getByTestId("application-status")).toHaveText("Approved");
  });
});

test("the operator adds a resource class and maps it onto a new Slurm cluster", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix().toLowerCase();
  const code = `a100-40gb-${suffix}`;
  const omar = await signedIn("operator");
  await omar
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Catalogue" })
    .click();
  await expect(omar.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
  await expect(omar.getByTestId("class-h100-80gb")).toContainText("€2.95");

  await test.step("a class with several mistakes has every one named in one round, and nothing is added", async () => {
    const form = omar.getByRole("form", { name: "Add a resource class" });
    await form.getByLabel("Code").fill(`A100 40GB ${suffix}`);
    await form.getByLabel("Name").fill("A");
    await form.getByLabel("List price per unit-hour").fill("0.001");
    await form.getByLabel("Power draw (W)").fill("lots");
    await form.getByRole("button", { name: "Add resource class" }).click();
    const summary = omar.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "The code is lower-case letters, digits, dots and dashes, starting with a letter or digit, for example h100-80gb.",
      "Enter a name of at least 2 characters.",
      "Prices are in whole cents: enter at most two decimals, for example 2.95.",
      "Enter the power draw as a whole number of watts.",
    ]);
    await a11y.check(omar);
    await expect(omar.getByTestId(`class-a100-40gb-${suffix}`)).toHaveCount(0);
  });

  await test.step("a resource class is added, then its price is changed", async () => {
    const form = omar.getByRole("form", { name: "Add a resource class" });
    await form.getByLabel("Code").fill(code);
    await form.getByLabel("Name").fill(`NVIDIA A100 40 GB ${suffix}`);
    await form.getByLabel("List price per unit-hour").fill("1.75");
    await form.getByLabel("Power draw (W)").fill("400");
    await form.getByRole("button", { name: "Add resource class" }).click();
    await expect(omar.getByText(`Resource class ${code} added.`)).toBeVisible();
    await expect(omar.getByTestId(`class-${code}`)).toContainText("€1.75");
    await omar.getByRole("link", { name: `Edit ${code}` }).click();
    await expect(omar.getByRole("heading", { level: 1, name: `Edit ${code}` })).toBeVisible();
    await omar.getByLabel("List price per unit-hour").fill("1.80");
    await omar.getByRole("button", { name: "Save changes" }).click();
    // A price change is confirmed: nothing runs on a new class, so the dialog says it touches none.
    const dialog = omar.getByRole("dialog", {
      name: `Change the price of NVIDIA A100 40 GB ${suffix}?`,
    });
    await expect(dialog.getByTestId("price-change-prices")).toContainText("€1.80");
    await expect(dialog.getByTestId("price-change-summary")).toHaveText(
      "Nothing runs on it now: jobs and endpoints started later are billed at the new price.",
    );
    await dialog.getByRole("button", { name: "Change the price" }).click();
    await expect(dialog).toBeHidden();
    await expect(omar.getByText("Resource class saved.")).toBeVisible();
  });

  await test.step("a Slurm cluster is registered and the class mapped onto it", async () => {
    await omar.goto("/operator/catalogue");
    await expect(omar.getByTestId(`class-${code}`)).toContainText("€1.80");
    const form = omar.getByRole("form", { name: "Register a cluster" });
    await form.getByLabel("Code").fill(`slurm-${suffix}`);
    await form.getByLabel("Name").fill(`Training cluster ${suffix}`);
    await form.getByLabel("Kind").selectOption("SLURM");
    await form.getByLabel("Region").fill("eu-central");
    await form.getByLabel("Jurisdiction").selectOption("DE");
    await form.getByRole("button", { name: "Register cluster" }).click();
    await expect(
      omar.getByRole("heading", { level: 1, name: `Training cluster ${suffix}` }),
    ).toBeVisible();
    // Registered without its slurmrestd address: it takes no jobs until it has one, and says so.
    await expect(omar.getByText("Tessera cannot reach this cluster's scheduler")).toBeVisible();
    await expect(omar.getByRole("main").getByText("Not connected").first()).toBeVisible();
    await a11y.check(omar);

    const mapping = omar.getByRole("form", { name: "Add or change a resource class" });
    await mapping
      .getByLabel("Resource class")
      .selectOption({ label: `NVIDIA A100 40 GB ${suffix} (${code})` });
    await mapping.getByLabel("Capacity (units)").fill("8");
    await mapping.getByRole("button", { name: "Save resource class" }).click();
    // The server's own words: a Slurm cluster needs a partition.
    await expect(omar.getByText("Enter the Slurm partition this class runs in.")).toBeVisible();
    await mapping.getByLabel("Slurm partition").fill("gpu-a100");
    await mapping.getByLabel("Slurm GRES").fill("gpu:a100");
    await mapping.getByRole("button", { name: "Save resource class" }).click();
    await expect(omar.getByText(`${code} saved on the cluster.`)).toBeVisible();
    const row = omar.getByTestId(`resource-${code}`);
    await expect(row).toContainText("8 × GPU");
    await expect(row).toContainText("Partition gpu-a100 · GRES gpu:a100");
    // Units per node: the capacity must be a whole number of nodes of it.
    const perNode = mapping.getByLabel("Units per node");
    await perNode.fill("3");
    await mapping.getByRole("button", { name: "Save resource class" }).click();
    await expect(mapping.locator("#resource-units-per-node-error")).toHaveText(
      "Error: A capacity of 8 GPUs is not a whole number of nodes of 3: make the capacity a multiple of 3 (6 or 9), or correct the units per node.",
    );
    await expect(perNode).toHaveAttribute("aria-invalid", "true");
    await perNode.fill("4");
    await mapping.getByRole("button", { name: "Save resource class" }).click();
    await expect(row).toContainText("4 × GPU per node");
  });

  await test.step("with its endpoint the cluster is connected, and it can be retired", async () => {
    const details = omar.getByRole("form", { name: "Details" });
    // Nothing listens there: the cluster is connected in the catalogue's sense, not reachable.
    await details.getByLabel("Endpoint").fill("http://localhost:6899");
    await details.getByRole("button", { name: "Save changes" }).click();
    await expect(omar.getByText("Cluster saved.")).toBeVisible();
    await omar.reload();
    await expect(omar.getByText("Tessera cannot reach this cluster's scheduler")).toHaveCount(0);
    await expect(omar.getByRole("main").getByText("Not connected")).toHaveCount(0);
    // Retired again, so the worker does not keep asking an address nothing answers.
    await omar.getByRole("form", { name: "Details" }).getByLabel("In service").uncheck();
    await omar.getByRole("button", { name: "Save changes" }).click();
    await expect(omar.getByText("Cluster saved.")).toBeVisible();
    await omar.reload();
    await expect(omar.getByRole("main").getByText("Retired").first()).toBeVisible();

    // The catalogue hides retired clusters until asked, with a link that counts them.
    await omar.goto("/operator/catalogue");
    await expect(omar.getByTestId(`cluster-slurm-${suffix}`)).toHaveCount(0);
    await omar.getByRole("link", { name: /^Show retired clusters \(\d+\)$/ }).click();
    await expect(omar).toHaveURL(/retiredClusters=show/);
    await expect(omar.getByTestId(`cluster-slurm-${suffix}`)).toContainText("Retired");
    await omar.getByRole("link", { name: /^Hide retired clusters \(\d+\)$/ }).click();
    await expect(omar.getByTestId(`cluster-slurm-${suffix}`)).toHaveCount(0);
  });
});

// Each page at 1280 and at 360 pixels, in the dark theme, with axe at both widths.
const visitNarrowAndDark = async (
  a11y: AccessibilityWatch,
  page: Page,
  path: string,
  heading: string | RegExp,
) => {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await a11y.check(page);
  await fitsNarrowScreen(page, { stayNarrow: true });
  await a11y.check(page);
  await page.setViewportSize({ width: 1280, height: 900 });
};
const darken = async (page: Page) => {
  await page.getByLabel("Theme").filter({ visible: true }).selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
};

test("the programme administrator's programme pages fit 360 pixels and pass the checks in the dark theme", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(150_000);
  const priya = await signedIn("programAdmin");
  await darken(priya);
  await visitNarrowAndDark(a11y, priya, "/admin/programmes", "Programmes (admin)");
  await priya.getByRole("link", { name: "National AI Compute Programme 2026" }).click();
  await priya.waitForURL(/\/admin\/programmes\/[^/]+$/);
  await expect(
    priya.getByRole("heading", { level: 1, name: "National AI Compute Programme 2026" }),
  ).toBeVisible();
  await priya.getByText("Burn-down as a table").click();
  await visitNarrowAndDark(
    a11y,
    priya,
    new URL(priya.url()).pathname,
    "National AI Compute Programme 2026",
  );
  await visitNarrowAndDark(a11y, priya, "/operator/catalogue", "Catalogue");
});

test("the researcher's programme and allocation pages fit 360 pixels and pass the checks in the dark theme", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(150_000);
  const bruno = await signedIn("researcher2");
  await darken(bruno);
  await visitNarrowAndDark(a11y, bruno, "/programmes", "Programmes");
  await bruno
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  await bruno.getByRole("link", { name: "Alpine Institute of Technology" }).first().click();
  await bruno.waitForURL(/\/orgs\/[^/]+$/);
  const organisationPath = new URL(bruno.url()).pathname;
  await visitNarrowAndDark(a11y, bruno, `${organisationPath}/allocations`, "Allocations");
  // Named by its card and by the captions of its tables.
  await expect(bruno.getByText("Glacier segmentation at continental scale").first()).toBeVisible();
  await visitNarrowAndDark(a11y, bruno, `${organisationPath}/applications`, "Applications");
  await visitNarrowAndDark(a11y, bruno, `${organisationPath}/applications/new`, "New application");
  await visitNarrowAndDark(a11y, bruno, "/notifications", "Notifications");
});

test("the reviewer's pages fit 360 pixels and pass the checks in the dark theme", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(150_000);
  const rui = await signedIn("reviewer");
  await darken(rui);
  await visitNarrowAndDark(a11y, rui, "/reviews", "My reviews");
  await rui
    .getByRole("link", { name: "Multilingual speech encoders for public broadcasters" })
    .click();
  await rui.waitForURL(/\/reviews\/[^/]+$/);
  await visitNarrowAndDark(
    a11y,
    rui,
    new URL(rui.url()).pathname,
    "Multilingual speech encoders for public broadcasters",
  );
});

test("the seeded award of shared-model tokens reads in tokens, priced per million, for the researcher and the operator", async ({
  signedIn,
}) => {
  const ada = await signedIn("researcher");
  await ada
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  await ada.getByRole("link", { name: "Northbridge University AI Lab" }).first().click();
  await ada.waitForURL(/\/orgs\/[^/]+$/);
  await ada.goto(`${new URL(ada.url()).pathname}/allocations`);
  await expect(ada.getByRole("heading", { level: 1, name: "Allocations" })).toBeVisible();
  const card = ada
    .getByTestId(/^allocation-c/)
    .filter({ hasText: "Shared chat models for transcript clean-up" });

  await test.step("granted and left in tokens, never in hours", async () => {
    const big = card.getByTestId("allocation-line-shared-8b-tokens");
    await expect(big.getByTestId("granted")).toHaveText("2 million tokens");
    await expect(big.getByTestId("remaining")).toHaveText(/^[\d.,]+ (million )?tokens?$/);
    const cpu = card.getByTestId("allocation-line-shared-cpu-tokens");
    await expect(cpu.getByTestId("granted")).toHaveText("10 million tokens");
    await expect(card).not.toContainText("token-hour");
  });

  await test.step("the award priced per million tokens, the programme paying 70 %", async () => {
    // 2 million at €0.40 = €0.80 (programme €0.56); 10 million at €0.05 = €0.50 (programme €0.35).
    const pricing = card.getByTestId("allocation-pricing");
    const big = pricing.getByTestId("line-shared-8b-tokens-granted");
    await expect(big.getByTestId("hours")).toHaveText("2 million tokens");
    await expect(big.getByTestId("list")).toHaveText("€0.80");
    await expect(big.getByTestId("programme")).toHaveText("€0.56");
    await expect(big.getByTestId("tenant")).toHaveText("€0.24");
    const cpu = pricing.getByTestId("line-shared-cpu-tokens-granted");
    await expect(cpu.getByTestId("list")).toHaveText("€0.50");
    await expect(cpu.getByTestId("programme")).toHaveText("€0.35");
    await expect(card).toContainText("€0.40 per million tokens");
    await expect(card.getByTestId("allocation-value")).toContainText("Granted value €1.30");
  });

  const omar = await signedIn("operator");
  await test.step("the catalogue prices the tiers per million tokens, with no power of their own", async () => {
    await omar.goto("/operator/catalogue");
    const tier = omar.getByTestId("class-shared-8b-tokens");
    await expect(tier).toContainText("Tokens of a shared model tier");
    await expect(tier).toContainText("€0.40");
    await expect(tier).toContainText("per million tokens");
    await expect(tier).toContainText("None of its own");
    await expect(omar.getByTestId("class-h100-80gb")).toContainText("per GPU-hour");
  });

  await test.step("the model catalogue shows each shared model's tier and fallback", async () => {
    await omar.goto("/operator/models");
    const big = omar.getByTestId("model-row").filter({ hasText: "tessera-shared/chat-8b" });
    const sharing = big.getByTestId("model-sharing");
    await expect(sharing).toContainText("Shared 8B chat model — tokens");
    await expect(sharing).not.toContainText("Tokens of");
    await expect(sharing).toContainText("falls back to tessera-shared/chat-cpu-1b");
  });

  await test.step("the platform's shared endpoints are shared with the tiers' holders", async () => {
    await omar.goto("/operator/endpoints");
    const shared = omar
      .getByTestId(/^cluster-endpoint-/)
      .filter({ hasText: "Shared chat 8B" })
      .getByTestId("endpoint-sharing");
    await expect(shared).toContainText("Shared with holders of Shared 8B chat model — tokens");
    await expect(shared.getByRole("button", { name: "Stop sharing Shared chat 8B" })).toBeVisible();
  });
});
