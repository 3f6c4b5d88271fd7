/**
 * Inference endpoints on the simulated cluster, as a researcher and an operator use them: deploy
 * a catalogue model from the form (which says as the units are typed when a replica would not fit
 * on one node), follow it to Ready without reloading (its replica bounds the same as its scale
 * field's), copy the example the page shows (a call through the gateway with an API key;
 * gateway.spec.ts makes that call), scale it to
 * zero and wake it (the notice following the endpoint to where it settles), delete it; a project
 * no cluster may serve is said in place of the price; an endpoint whose minimum is 1 offers no
 * scale to zero and says why;
 * another organisation's researcher gets 404 on its page. Every page is checked with axe.
 */
import type { Page } from "@playwright/test";
import { DEMO_MODELS, SHARED_MODELS } from "../packages/core/scripts/demo-models";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { everyColumnFits, fitsNarrowScreen } from "./support/layout";
import { markDocument, stillSameDocument } from "./support/live";
import { uniqueSuffix } from "./support/personas";

/** The demo catalogue's models a tenant may deploy: all but the platform's shared ones. */
const DEPLOYABLE = DEMO_MODELS.filter(
  (model) => !(Object.values(SHARED_MODELS) as string[]).includes(model.name),
);

// Endpoints move through the worker tier (outbox, queue, driver, observation); the page follows
// them by itself, so the assertions wait for what a person would see.
const MOVES = { timeout: 45_000 };
const MODEL = "tessera-demo/tiny-chat-0.5b-instruct";
/** The seeded H100 line of the pilot allocation, as the hardware tier offers it (with its price). */
const H100_LINE = /^Speech encoder pilot runs — NVIDIA H100 80 GB, .+ GPU-hours left, ends .+ \(/;

function endpointStatus(page: Page) {
  return page.getByRole("main").getByTestId("endpoint-status").first();
}

/** The URL, headers and JSON body of the page's `curl` example, as a person would read them. */
function parseCurl(example: string) {
  const url = /curl "([^"]+)"/.exec(example)?.[1];
  const body = /-d '([^']+)'/.exec(example)?.[1];
  const headers = Object.fromEntries(
    [...example.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((match) => [match[1]!, match[2]!]),
  );
  if (!url || !body) throw new Error(`Not a curl example: ${example}`);
  return { url, headers, body: JSON.parse(body) as { model: string } };
}

test("a researcher deploys a catalogue model, calls it, scales it to zero, wakes and deletes it", async ({
  signedIn,
  a11y,
}) => {
  // Two deploys, a scale to zero and a wake on the simulated cluster, each page checked with axe.
  test.setTimeout(360_000);
  const name = `Chat assistant ${uniqueSuffix()}`;
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);

  await test.step("the navigation leads to the endpoints, which offer to deploy a model", async () => {
    await ada
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Endpoints", exact: true })
      .click();
    await expect(ada.getByRole("heading", { level: 1, name: "Endpoints" })).toBeVisible();
    await ada.getByRole("link", { name: "Deploy a model" }).first().click();
    await expect(ada.getByRole("heading", { level: 1, name: "Deploy a model" })).toBeVisible();
  });

  await test.step("an empty form is answered with an error summary linked to the fields", async () => {
    await ada.getByRole("button", { name: "Deploy endpoint" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole("link", { name: "Choose a model from the catalogue." }),
    ).toBeVisible();
    await a11y.check(ada);
  });

  await test.step("the catalogue filters by openness and shows the model's provenance", async () => {
    await ada.getByLabel("Openness", { exact: true }).selectOption({ label: "Open model" });
    const choices = ada.getByTestId("model-choice");
    // The demo catalogue's open models a tenant may deploy: the platform's shared chat models
    // are called with an API key, not deployed, so they are not offered.
    await expect(choices).toHaveCount(
      DEPLOYABLE.filter((model) => model.openness === "OPEN_MODEL").length,
    );
    for (const shared of Object.values(SHARED_MODELS)) {
      await expect(choices.filter({ hasText: shared })).toHaveCount(0);
    }
    const provenance = choices.filter({ hasText: MODEL });
    await expect(provenance).toHaveCount(1);
    await ada.getByLabel(MODEL).check();
    await expect(provenance).toContainText("Apache-2.0");
    await expect(provenance).toContainText("Open model");
    await expect(provenance).toContainText(/[0-9a-f]{64}/);
    await ada.getByLabel("Licence", { exact: true }).selectOption("MIT");
    await expect(ada.getByText("No model in the catalogue matches these filters.")).toBeVisible();
    await ada.getByLabel("Licence", { exact: true }).selectOption("");
    await ada.getByLabel("Openness", { exact: true }).selectOption("");
    await expect(ada.getByTestId("model-choice")).toHaveCount(DEPLOYABLE.length);
    await expect(ada.getByLabel(MODEL)).toBeChecked();
  });

  const hardware = ada.getByLabel("Hardware tier", { exact: true });

  await test.step("a project no cluster may serve is said where the price would be, and stops the deploy", async () => {
    // Restricted data that must stay in GB: no cluster that serves endpoints is there.
    await ada
      .getByLabel("Project", { exact: true })
      .selectOption({ label: "Clinical notes summarisation" });
    const h100 = hardware.locator("option").filter({ hasText: H100_LINE }).first();
    await expect(h100).toContainText("cannot serve this project");
    await hardware.selectOption((await h100.getAttribute("value")) ?? "");
    const price = ada.getByTestId("deploy-price");
    await expect(price).toContainText(
      "No cluster may serve Clinical notes summarisation on NVIDIA H100 80 GB",
    );
    await expect(ada.getByTestId("deploy-no-cluster")).toContainText(
      "the project's data must stay in GB",
    );
    await expect(ada.getByTestId("deploy-no-cluster")).toContainText(
      "Endpoints on this hardware run in",
    );
    await expect(ada.getByTestId("deploy-cost")).toHaveCount(0);
    await ada.getByRole("button", { name: "Deploy endpoint" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(
      summary.getByRole("link", {
        name: "No cluster may serve this project on NVIDIA H100 80 GB: choose another hardware tier or project.",
      }),
    ).toBeVisible();
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("the hardware tier is priced per hour with the programme's share beside it", async () => {
    await ada
      .getByLabel("Project", { exact: true })
      .selectOption({ label: "Multilingual speech models" });
    const line = await hardware
      .locator("option")
      .filter({ hasText: H100_LINE })
      .first()
      .getAttribute("value");
    await hardware.selectOption(line ?? "");
    await expect(hardware.locator("option:checked")).not.toContainText("cannot serve");
    await expect(ada.getByTestId("deploy-no-cluster")).toHaveCount(0);
    await expect(hardware.locator("option:checked")).toContainText("€2.95 per GPU-hour");
    // Named by its award, with the hours left and the end: two awards of a class read apart.
    await expect(hardware.locator("option:checked")).toHaveText(H100_LINE);
    await ada.getByLabel("Serving runtime").selectOption({ label: "vLLM (GPU)" });
    // A name is at most 64 characters: the field stops there and says so.
    await expect(ada.getByLabel("Endpoint name")).toHaveAttribute("maxlength", "64");
    await ada.getByLabel("Endpoint name").fill(name);
    // Replicas the deploy would refuse get no price, only what to fix.
    const startWith = ada.getByLabel("Start with");
    await startWith.fill("0");
    await expect(ada.getByTestId("deploy-cost")).toHaveCount(0);
    await expect(ada.getByTestId("deploy-price-fix")).toHaveText(
      "No price yet: enter the replicas to start with as a whole number from 1 to 2 (between the minimum and the maximum, and at least 1).",
    );
    await ada.getByLabel("Minimum", { exact: true }).fill("3");
    await expect(ada.getByTestId("deploy-price-fix")).toHaveText(
      "No price yet: the minimum (3) is above the maximum (2). Lower the minimum or raise the maximum.",
    );
    await ada.getByLabel("Minimum", { exact: true }).fill("0");
    await startWith.fill("1");
    await expect(ada.getByTestId("deploy-price-fix")).toHaveCount(0);
    // One H100 for an hour at €2.95; the programme pays 70 %, shown to the thousandth of a cent
    // as the hardware tier's shares are.
    await expect(ada.getByTestId("deploy-cost")).toHaveText(
      "Each hour at the starting replicas is worth €2.95 at list price: the programme pays €2.065 and the organisation pays €0.885.",
    );
    await expect(ada.getByTestId("deploy-hold")).toContainText(
      /^Deploying holds 1 GPU-hours? for the first hour; [\d.,]+ GPU-hours remain after it\.$/,
    );
    // A replica is one pod on one node: the simulated cluster's nodes have 4 H100s each, and the
    // form says so as the units are typed.
    const units = ada.getByLabel("GPUs per replica");
    const tooLarge =
      "A replica must fit on one node: this cluster's nodes have 4 GPUs; ask for at most 4 per replica.";
    await units.fill("6");
    await expect(ada.getByTestId("endpoint-units-node")).toHaveText(tooLarge);
    await expect(ada.getByTestId("deploy-price-fix")).toHaveText(
      `No price yet: a${tooLarge.slice(1)}`,
    );
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
    await units.fill("1");
    await expect(ada.getByTestId("endpoint-units-node")).toHaveText("");
    await expect(ada.getByTestId("deploy-cost")).toBeVisible();
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("a model whose licence restricts its use is deployed only with its restrictions accepted", async () => {
    const restricted = DEMO_MODELS.find((model) => model.restrictions !== null)!;
    await ada.getByLabel(restricted.name).check();
    const licence = ada.getByRole("group", { name: `Licence restrictions of ${restricted.name}` });
    await expect(licence.getByTestId("deploy-licence-restrictions")).toHaveText(
      restricted.restrictions!,
    );
    const accept = licence.getByLabel(
      "I have read the licence restrictions and our use of this model complies with them",
    );
    await expect(accept).not.toBeChecked();
    await expect(accept).toHaveAccessibleDescription(restricted.restrictions!);
    await ada.getByRole("button", { name: "Deploy endpoint" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    const problem = `Tick the box to confirm you have read the licence restrictions of ${restricted.name} and your use complies with them.`;
    await summary.getByRole("link", { name: problem }).click();
    await expect(accept).toBeFocused();
    await expect(licence).toContainText(problem);
    await a11y.check(ada);
    // Another model asks for nothing, and the box is not ticked for this one by coming back.
    await ada.getByLabel(MODEL).check();
    await expect(licence).toHaveCount(0);
    await ada.getByLabel(restricted.name).check();
    await expect(accept).not.toBeChecked();
    await ada.getByLabel(MODEL).check();
  });

  await test.step("deploying opens the endpoint, which becomes Ready without reloading", async () => {
    await ada.getByRole("button", { name: "Deploy endpoint" }).click();
    await ada.waitForURL(/\/orgs\/[^/]+\/endpoints\/(?!new$)[^/]+$/);
    await expect(ada.getByRole("heading", { level: 1, name })).toBeVisible();
    await markDocument(ada);
    await expect(endpointStatus(ada)).toHaveText("Ready", MOVES);
    await expect(ada.getByTestId("endpoint-replicas")).toHaveText("1 ready of 1 wanted", MOVES);
    // The chart over time says the same, with the changes that led to it.
    await expect(ada.getByTestId("replica-summary")).toHaveText(
      /^Over the last \d+ (s|min( \d+ s)?): at most 1 ready; now 1 ready of 1 wanted; [1-9]\d* changes?\.$/,
      MOVES,
    );
    // Its bounds say what the scale field takes: 1 to 2, and zero only by scaling to zero.
    await expect(ada.getByRole("main")).toContainText(
      "scales between 1 and 2 while it runs; its minimum is zero, so it can also scale to zero",
    );
    await expect(ada.locator("#endpoint-scale-hint")).toHaveText(
      "From 1 to 2; to stop it, scale it to zero.",
    );
    await expect(ada.getByTestId("endpoint-announcement")).toHaveText(`${name} is now ready.`);
    await expect(ada.getByTestId("quota-held")).toHaveText(/^1 GPU-hours?$/);
    // What it costs, in the deploy form's figures, and this month so far as Billing shows it.
    await expect(ada.getByTestId("cost-hour")).toHaveText("€2.95 at 1 replica (list price)");
    await expect(ada.getByTestId("cost-hour-shares")).toHaveText(
      "The programme pays €2.065, the organisation €0.885.",
    );
    // Beside the Scale button, the same hour at the same precision, and what a change would add.
    await expect(ada.getByTestId("scale-price")).toHaveText(
      "At 1 replica: €2.95 an hour at list price, of which the organisation pays €0.885. The same as now.",
    );
    const replicasField = ada.locator("#endpoint-scale");
    await replicasField.fill("2");
    await expect(ada.getByTestId("scale-price")).toHaveText(
      "At 2 replicas: €5.90 an hour at list price, of which the organisation pays €1.77. That is €0.885 an hour more for the organisation than now.",
    );
    await replicasField.fill("1");
    await expect(ada.getByTestId("cost-month")).toContainText("(list price)");
    await expect(ada.getByTestId("cost-month-shares")).toContainText("(before VAT)");
    const timeline = ada.getByTestId("endpoint-timeline");
    for (const status of ["ACCEPTED", "READY"])
      await expect(timeline.locator(`[data-status="${status}"]`).first()).toBeVisible();
    expect(await stillSameDocument(ada), "the page was reloaded").toBe(true);
  });
  const endpointPath = new URL(ada.url()).pathname;

  await test.step("the copied example calls the gateway with an API key, not the model server", async () => {
    await ada.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await ada.getByRole("button", { name: "Copy example" }).click();
    await expect(ada.getByRole("status").filter({ hasText: "Example copied." })).toBeVisible();
    const copied = await ada.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await ada.getByTestId("endpoint-example").textContent());
    const { url, headers, body } = parseCurl(copied);
    const baseUrl = await ada.getByTestId("endpoint-url").textContent();
    expect(baseUrl).toMatch(/\/v1$/);
    expect(url).toBe(`${baseUrl}/chat/completions`);
    expect(headers.Authorization).toBe("Bearer $TESSERA_API_KEY");
    expect(body.model).toBe(MODEL);
    await expect(ada.getByRole("link", { name: "Create an API key" })).toHaveAttribute(
      "href",
      `/orgs/${organizationId}/api-keys`,
    );
  });

  await test.step("the endpoint page fits 360 pixels and passes the checks", async () => {
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("another organisation's researcher gets 404 on the endpoint's page", async () => {
    const bruno = await signedIn("researcher2");
    const response = await bruno.goto(endpointPath);
    expect(response?.status()).toBe(404);
    await expect(bruno.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(bruno.getByText(name)).toHaveCount(0);
  });

  await test.step("the list shows it Ready with its replicas and hardware", async () => {
    await ada.goto(`/orgs/${organizationId}/endpoints`);
    const row = ada.getByRole("row").filter({ has: ada.getByRole("link", { name }) });
    await expect(row.getByTestId("endpoint-status")).toHaveText("Ready");
    await expect(row).toContainText(MODEL);
    await expect(row.getByTestId("replicas")).toHaveText("1 of 1 ready");
    await expect(row).toContainText("1 × NVIDIA H100 80 GB per replica");
    // At 1280 pixels every column is in view, Created included: nothing is cut off.
    await everyColumnFits(ada, "The organisation's inference endpoints");
    await expect(ada.getByRole("columnheader", { name: "Created" })).toBeInViewport();
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
    await ada.goto(endpointPath);
  });

  await test.step("scaling to zero asks once, and the hold is released", async () => {
    await ada.getByRole("button", { name: "Scale to zero" }).click();
    const dialog = ada.getByRole("dialog", { name: `Scale ${name} to zero?` });
    await expect(dialog).toContainText("holds no quota");
    await dialog.getByRole("button", { name: "Scale to zero" }).click();
    const progress = ada.getByTestId("endpoint-request");
    await expect(progress).toHaveText(
      /^(Scaling to zero: 1 replica is still running\.|Scaled to zero — .*)$/,
    );
    await expect(endpointStatus(ada)).toHaveText("Scaled to zero", MOVES);
    // Once at zero the notice says so, as the badge does: never "scaling" any more.
    await expect(progress.getByRole("status")).toHaveText(
      "Scaled to zero — no replicas run and it holds no quota; it wakes on the next request.",
    );
    await expect(ada.getByTestId("endpoint-replicas")).toHaveText("0 ready of 0 wanted");
    await expect(ada.getByTestId("replica-summary")).toContainText(
      "at most 1 ready; now 0 ready of 0 wanted",
    );
    await expect(ada.getByTestId("quota-held")).toHaveText("Nothing");
    await expect(ada.getByTestId("quota-state")).toHaveText(
      "Nothing is held: scaled to zero, an endpoint holds no quota.",
    );
    await expect(ada.getByTestId("cost-hour")).toHaveText(
      "€0.00 an hour: it is scaled to zero, so no replica runs. It costs again from when it wakes.",
    );
    await expect(ada.getByTestId("cost-hour-shares")).toHaveCount(0);
  });

  await test.step("waking brings it back to Ready", async () => {
    await ada.getByRole("button", { name: "Wake" }).click();
    const progress = ada.getByTestId("endpoint-request");
    await expect(progress).toHaveText(
      /^(Waking: 0 of 1 replica ready\.|Awake: 1 replica serving\.)$/,
    );
    await expect(endpointStatus(ada)).toHaveText("Ready", MOVES);
    await expect(ada.getByTestId("endpoint-replicas")).toHaveText("1 ready of 1 wanted", MOVES);
    // Its bounds say what the scale field takes: 1 to 2, and zero only by scaling to zero.
    await expect(ada.getByRole("main")).toContainText(
      "scales between 1 and 2 while it runs; its minimum is zero, so it can also scale to zero",
    );
    await expect(ada.locator("#endpoint-scale-hint")).toHaveText(
      "From 1 to 2; to stop it, scale it to zero.",
    );
    await expect(progress).toHaveText("Awake: 1 replica serving.");
    await expect(ada.getByTestId("quota-held")).toHaveText(/^1 GPU-hours?$/);
  });

  await test.step("deleting asks once, naming what happens to the hold", async () => {
    await ada.getByRole("button", { name: "Delete endpoint" }).click();
    const dialog = ada.getByRole("dialog", { name: `Delete ${name}?` });
    await expect(dialog).toContainText("cannot be undone");
    await expect(dialog).toContainText(/Its hold of 1 GPU-hours? is released/);
    await a11y.check(ada);
    await dialog.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(endpointStatus(ada)).toHaveText("Deleted", MOVES);
    await expect(ada.getByTestId("endpoint-request")).toHaveText(
      /^Deleted: removed from the cluster/,
    );
    await expect(ada.getByRole("button", { name: "Delete endpoint" })).toHaveCount(0);
    // It scales no more: how it would scale, and when to zero, are no longer said.
    await expect(ada.getByRole("main")).not.toContainText("scales between");
    await expect(ada.getByRole("main")).not.toContainText("Scale to zero");
    await expect(ada.getByRole("heading", { name: "Call it" })).toHaveCount(0);
    await expect(ada.getByTestId("quota-held")).toHaveText("Nothing");
    await ada.goto(`/orgs/${organizationId}/endpoints`);
    await expect(ada.getByRole("link", { name })).toHaveCount(0);
  });

  await test.step("an endpoint whose minimum is 1 offers no scale to zero, and says why", async () => {
    const kept = `Always-on assistant ${uniqueSuffix()}`;
    await ada.getByRole("link", { name: "Deploy a model" }).first().click();
    await ada.getByLabel(MODEL).check();
    await ada
      .getByLabel("Project", { exact: true })
      .selectOption({ label: "Multilingual speech models" });
    const line = await hardware
      .locator("option")
      .filter({ hasText: H100_LINE })
      .first()
      .getAttribute("value");
    await hardware.selectOption(line ?? "");
    await ada.getByLabel("Serving runtime").selectOption({ label: "vLLM (GPU)" });
    await ada.getByLabel("Endpoint name").fill(kept);
    // The field comes filled with the default, and its hint says what that does.
    const idle = ada.getByLabel(/^Idle time before scaling to zero, in minutes/);
    await expect(idle).toHaveValue("15");
    await expect(idle).toHaveAccessibleDescription(
      /^By default it scales to zero after 15 minutes idle; empty the field to keep it running\./,
    );
    await ada.getByLabel("Minimum", { exact: true }).fill("1");
    // With a minimum of 1 it never scales to zero: the idle time does not apply.
    await expect(idle).toBeDisabled();
    await expect(
      ada.getByText(/^With a minimum of 1 or more it never scales to zero/),
    ).toBeVisible();
    await ada.getByRole("button", { name: "Deploy endpoint" }).click();
    await expect(ada.getByRole("heading", { level: 1, name: kept })).toBeVisible();
    await expect(ada.getByRole("button", { name: "Delete endpoint" })).toBeVisible();
    await expect(ada.getByRole("button", { name: "Scale to zero" })).toHaveCount(0);
    await expect(ada.getByTestId("endpoint-no-stop")).toHaveText(
      /^Scaling to zero is not offered: this endpoint keeps at least 1 replica running \(its minimum\)/,
    );
    await expect(ada.getByRole("main")).toContainText(
      "Never: it keeps at least 1 replica running (its minimum)",
    );
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
    await ada.getByRole("button", { name: "Delete endpoint" }).click();
    await ada
      .getByRole("dialog", { name: `Delete ${kept}?` })
      .getByRole("button", { name: "Delete endpoint" })
      .click();
    await expect(ada.getByTestId("endpoint-request")).toBeVisible();
  });
});

test("an operator sees endpoints by cluster and registers a model in the catalogue", async ({
  signedIn,
}) => {
  test.setTimeout(120_000);
  const omar = await signedIn("operator");
  const modelName = `tessera-e2e/registered-${uniqueSuffix().toLowerCase()}`;

  await test.step("the navigation leads to endpoints by cluster", async () => {
    await omar
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Endpoints by cluster" })
      .click();
    await expect(
      omar.getByRole("heading", { level: 1, name: "Endpoints by cluster" }),
    ).toBeVisible();
    // The cluster's kind in the catalogue's words, not its code.
    await expect(omar.getByTestId("cluster-sim")).toContainText(/^sim · Simulated · /);
  });

  await test.step("the catalogue lists the demo models with their provenance", async () => {
    await omar
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Models", exact: true })
      .click();
    await expect(omar.getByRole("heading", { level: 1, name: "Model catalogue" })).toBeVisible();
    const row = omar.getByTestId("model-row").filter({ hasText: "tessera-demo/community-chat-1b" });
    await expect(row).toContainText("Weights available");
    await expect(row).toContainText("forbids serving to users outside the EU");
  });

  await test.step("a model with a bad digest is refused beside the field", async () => {
    const form = omar.getByRole("form", { name: "Register a model" });
    await form.getByLabel("Name clients call").fill(modelName);
    await form.getByLabel("Family").fill("registered");
    await form.getByLabel("Parameter count").fill("125000000");
    await form.getByLabel("Licence (SPDX id)").fill("Apache-2.0");
    await form.getByLabel("Weights digest (sha256)").fill("not-a-digest");
    await form.getByLabel("Source address").fill("https://models.example/registered");
    await form.getByRole("button", { name: "Register model" }).click();
    await expect(omar.getByRole("alert").filter({ hasText: "There is a problem" })).toBeFocused();
    await expect(form.getByLabel("Weights digest (sha256)")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });

  await test.step("the server's own rule comes back: openness cannot claim more than is open", async () => {
    const form = omar.getByRole("form", { name: "Register a model" });
    await form.getByLabel("Weights digest (sha256)").fill("a".repeat(64));
    await form.getByLabel("Openness class").selectOption("OPEN_SCIENCE");
    await form.getByRole("button", { name: "Register model" }).click();
    await expect(
      omar.getByRole("alert").filter({ hasText: "claims more than is open" }),
    ).toBeVisible();
  });

  await test.step("a pipeline that names no training job is refused in the server's words", async () => {
    const form = omar.getByRole("form", { name: "Register a model" });
    await form.getByLabel("Openness class").selectOption("OPEN_MODEL");
    const pipeline = form.getByLabel(/^Trained by a Tessera job/);
    await pipeline.fill("no-such-job");
    await form.getByRole("button", { name: "Register model" }).click();
    await expect(
      omar.getByRole("alert").filter({ hasText: "Training job not found." }),
    ).toBeVisible();
    await pipeline.fill("");
  });

  await test.step("a valid model is registered and listed", async () => {
    const form = omar.getByRole("form", { name: "Register a model" });
    await form.getByLabel("Openness class").selectOption("OPEN_MODEL");
    await form.getByRole("button", { name: "Register model" }).click();
    await expect(
      omar.getByRole("status").filter({ hasText: `${modelName} is in the catalogue.` }),
    ).toBeVisible();
    await expect(omar.getByTestId("model-row").filter({ hasText: modelName })).toContainText(
      "Apache-2.0",
    );
  });
});
