import type { Page } from "@playwright/test";
import pg from "pg";
import { E2E } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { fitsNarrowScreen } from "./support/layout";
import { uniqueSuffix } from "./support/personas";

const noSidewaysScroll = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);

test("the operator's bad cluster registration names every problem at once and registers nothing; a good one is registered", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix().toLowerCase();
  const omar = await signedIn("operator");
  // The country names are rendered on the server and hydrated in the browser: both must read the
  // same (each runtime's own ICU names some places differently), or React reports a mismatch.
  const pageErrors: string[] = [];
  omar.on("pageerror", (error) => pageErrors.push(error.message));
  omar.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text()))
      pageErrors.push(message.text());
  });
  // A phone's width (390 pixels) throughout: the form and its summary must work there too.
  await omar.setViewportSize({ width: 390, height: 844 });
  await omar.goto("/operator/catalogue");
  const form = omar.getByRole("form", { name: "Register a cluster" });
  const jurisdiction = form.getByLabel("Jurisdiction");

  await test.step("the walk's bad registration: every problem in one summary, each linked to its field", async () => {
    // The endpoint's hint follows the kind (and says the form is live before anything is typed).
    await form.getByLabel("Kind").selectOption("KUBERNETES");
    await expect(form.getByText(/^The Kubernetes API server, over https/)).toBeVisible();
    await form.getByLabel("Kind").selectOption("SLURM");
    await expect(form.getByText(/^The slurmrestd address/)).toBeVisible();
    await form.getByLabel("Code").fill("edge-ü");
    await form.getByLabel("Region").fill("r".repeat(500));
    // A list, not a two-character box: nothing is chosen until the operator chooses, and each
    // choice reads with its country's name.
    await expect(jurisdiction).toHaveValue("");
    await expect(jurisdiction.locator("option", { hasText: "Germany (DE)" })).toHaveCount(1);
    await expect(jurisdiction.locator("option", { hasText: "Georgia (GE)" })).toHaveCount(1);
    await form.getByLabel("Endpoint").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Register cluster" }).click();

    const summary = omar.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "The code is lower-case letters a to z, digits, dots and dashes, starting with a letter or digit, for example hpc-1.",
      "Enter a name.",
      "The region can be at most 80 characters.",
      "Choose a jurisdiction: a country, or EU.",
      "Enter the endpoint as an http:// or https:// address, for example https://slurm.example:6820.",
    ]);
    await expect(jurisdiction).toHaveAttribute("aria-invalid", "true");
    await summary.getByRole("link", { name: "Choose a jurisdiction: a country, or EU." }).click();
    await expect(jurisdiction).toBeFocused();
    await a11y.check(omar);
    await noSidewaysScroll(omar);
    // Nothing registered: still on the catalogue.
    await expect(omar).toHaveURL(/\/operator\/catalogue(#[\w-]*)?$/);
  });

  await test.step("a Kubernetes API server over plain http is refused by the form's own check", async () => {
    await form.getByLabel("Code").fill(`edge-${suffix}`);
    await form.getByLabel("Name").fill(`Edge ${suffix}`);
    await form.getByLabel("Region").fill("eu-central");
    await jurisdiction.selectOption("DE");
    await form.getByLabel("Kind").selectOption("KUBERNETES");
    await form.getByLabel("Endpoint").fill("http://k8s.example:6443");
    await form.getByRole("button", { name: "Register cluster" }).click();
    const summary = omar.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "A Kubernetes API server is reached over https://, for example https://k8s.example:6443.",
    ]);
    await expect(omar).toHaveURL(/\/operator\/catalogue(#[\w-]*)?$/);
  });

  await test.step("the corrected registration succeeds, in Germany", async () => {
    await form.getByLabel("Kind").selectOption("SLURM");
    // Registered without an address: the cluster takes no work, so no worker calls a host that
    // does not exist.
    await form.getByLabel("Endpoint").fill("");
    await form.getByRole("button", { name: "Register cluster" }).click();
    await expect(omar.getByRole("heading", { level: 1, name: `Edge ${suffix}` })).toBeVisible();
    await expect(
      omar.getByText(`edge-${suffix} · Slurm · eu-central · DE — Germany`),
    ).toBeVisible();
    const details = omar.getByRole("form", { name: "Details" });
    await expect(details.getByLabel("Jurisdiction")).toHaveValue("DE");
    await a11y.check(omar);
    await noSidewaysScroll(omar);
  });

  await test.step("the edit form refuses an endpoint with credentials, and changes nothing", async () => {
    const details = omar.getByRole("form", { name: "Details" });
    await details.getByLabel("Endpoint").fill("https://admin:secret@slurm.example:6820");
    await details.getByLabel("Jurisdiction").selectOption("EU");
    await details.getByRole("button", { name: "Save changes" }).click();
    const summary = omar.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "Leave user names and passwords out of the endpoint: Tessera signs in to the cluster with its own key.",
    ]);
    await a11y.check(omar);
    await omar.reload();
    await expect(
      omar.getByText(`edge-${suffix} · Slurm · eu-central · DE — Germany`),
    ).toBeVisible();
    await expect(omar.getByRole("form", { name: "Details" }).getByLabel("Endpoint")).toHaveValue(
      "",
    );
    await fitsNarrowScreen(omar);
  });

  await test.step("a jurisdiction the list does not know (an old script's 'UK') is said, not silently replaced", async () => {
    const client = new pg.Client({ connectionString: E2E.databaseUrl });
    await client.connect();
    try {
      await client.query(`UPDATE "Cluster" SET "jurisdiction" = 'UK' WHERE "code" = $1`, [
        `edge-${suffix}`,
      ]);
    } finally {
      await client.end();
    }
    await omar.reload();
    const details = omar.getByRole("form", { name: "Details" });
    const field = details.getByLabel("Jurisdiction");
    await expect(field).toHaveValue("UK");
    await expect(field.locator("option:checked")).toHaveText(
      "UK — not a jurisdiction Tessera knows: choose one from the list",
    );
    // Saving anything else asks for a jurisdiction first: the cluster is never moved to the EU.
    await details.getByRole("button", { name: "Save changes" }).click();
    const summary = omar.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "UK is not a jurisdiction Tessera knows: choose the country, or EU, where this cluster's data is processed.",
    ]);
    await a11y.check(omar);
    await field.selectOption("GB");
    await details.getByRole("button", { name: "Save changes" }).click();
    await expect(omar.getByText("Cluster saved.")).toBeVisible();
    await expect(
      omar.getByText(`edge-${suffix} · Slurm · eu-central · GB — United Kingdom`),
    ).toBeVisible();
  });

  // The catalogue and the cluster's page were each loaded (and reloaded) above.
  expect(pageErrors, "errors in the browser, such as a hydration mismatch").toEqual([]);
});
