/**
 * API keys for the gateway, as a researcher uses them: create a key for a project, see it once
 * with a ready-to-run request that the gateway answers (after a reload only its prefix is left);
 * a key for a project whose data may go nowhere an endpoint runs says so, with the way to deploy,
 * as does the form for an organisation with nothing to call; rotate it with a grace
 * period (the new key shown once, under the same id), and revoke it after a confirmation. Another
 * organisation's researcher gets 404 on the page. Every page is checked with axe, and the page
 * fits 360 pixels.
 */
import { E2E } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { everyColumnFits, fitsNarrowScreen } from "./support/layout";
import { uniqueSuffix } from "./support/personas";

const PROJECT = "Multilingual speech models";
/** RESTRICTED, its data staying in GB: no cluster of the e2e seed is in GB. */
const CLINICAL = "Clinical notes summarisation";
/** The platform's shared model: Northbridge holds tokens of its tier; it runs in EU. */
const SHARED_MODEL = "tessera-shared/chat-8b";
const KEY_FORMAT = /^tsk_([a-z2-7]{16})_[A-Za-z0-9_-]{43}$/;

test("a researcher creates an API key, sees it once, rotates it and revokes it", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(180_000);
  // Eighty characters with nowhere to break a line (no space or dash), the longest a key's name
  // may be: it must break inside its column rather than widen it.
  const name = `Notebook_${uniqueSuffix()}_multilingual_speech_models_evaluation_run_`.padEnd(
    80,
    "X",
  );
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const row = () => ada.getByRole("row").filter({ hasText: name });

  await test.step("the navigation leads to the API keys, next to the endpoints", async () => {
    const nav = ada.getByRole("navigation", { name: "Main navigation" });
    const labels = await nav.getByRole("link").allTextContents();
    expect(labels.indexOf("API keys")).toBe(labels.indexOf("Endpoints") + 1);
    await nav.getByRole("link", { name: "API keys", exact: true }).click();
    await expect(ada.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(ada).toHaveURL(new RegExp(`/orgs/${organizationId}/api-keys$`));
  });

  await test.step("an empty form is answered with an error summary linked to the fields", async () => {
    await ada.getByRole("button", { name: "Create key" }).click();
    const summary = ada.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Enter a name for the key." })).toBeVisible();
    await a11y.check(ada);
  });

  let key = "";
  let keyId = "";
  await test.step("creating a key shows it once, with a request to the gateway that uses it", async () => {
    // The platform's shared model is offered too: Northbridge holds tokens of its tier.
    await expect(
      ada.getByTestId("api-key-shared-model").filter({ hasText: "tessera-shared/chat-8b" }),
    ).toContainText("shared model, paid from the organisation's tokens");
    await ada.getByLabel("Key name").fill(name);
    await ada.getByLabel("Project", { exact: true }).selectOption({ label: PROJECT });
    await ada.getByLabel("In 90 days").check();
    await ada.getByLabel("Requests a minute").fill("120");
    await ada.getByRole("button", { name: "Create key" }).click();

    const issued = ada.getByTestId("issued-key");
    await expect(
      issued.getByRole("heading", { name: `${name} is ready: copy the key now` }),
    ).toBeFocused();
    // The list shows the new key in the same render as the key itself, not after a reload.
    expect(await row().count()).toBe(1);
    await expect(issued).toContainText("This is the only time the key is shown");
    key = await ada.getByLabel("Your API key").inputValue();
    expect(key).toMatch(KEY_FORMAT);
    keyId = KEY_FORMAT.exec(key)![1]!;
    const example = (await ada.getByTestId("issued-key-example").textContent()) ?? "";
    expect(example).toContain(`curl "${E2E.gateway}/v1/chat/completions"`);
    expect(example).toContain(`-H "Authorization: Bearer ${key}"`);
    expect(example).toContain(`-H "Content-Type: application/json"`);
    const body = JSON.parse(/-d '([^']+)'/.exec(example)?.[1] ?? "null") as {
      model: string;
      messages: unknown;
    };
    expect(body.messages).toEqual([{ role: "user", content: "Hello" }]);
    // A model the key can call: one the organisation's endpoints serve, or, while it has none
    // (other tests may be deploying one meanwhile), the shared model it holds tokens for.
    expect(body.model).toMatch(/^tessera-(demo|shared)\//);
    // And the gateway answers it: the example runs as shown. (The gateway learns of a new key
    // within its refresh, half a second here.)
    await expect(async () => {
      const response = await ada.request.post(`${E2E.gateway}/v1/chat/completions`, {
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        data: body,
      });
      expect(response.status(), await response.text()).toBe(200);
    }).toPass({ timeout: 30_000 });

    await issued.getByRole("button", { name: "Copy key" }).click();
    await expect(issued.getByRole("status").filter({ hasText: "Key copied" })).toBeVisible();
    expect(await ada.evaluate(() => navigator.clipboard.readText())).toBe(key);

    await expect(row().getByTestId("api-key-prefix")).toHaveText(`tsk_${keyId}_…`);
    await expect(row().getByTestId("api-key-status")).toHaveText("Active");
    await expect(row()).toContainText(
      "Every endpoint and model of the organisation, and the shared models it holds tokens for",
    );
    await expect(row().getByTestId("api-key-limits")).toHaveText(
      "120 requests and 200,000 tokens a minute",
    );
    await everyColumnFits(ada, "The organisation's API keys, newest first");
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("after a reload the key is gone: only its prefix is left", async () => {
    await ada.reload();
    await expect(ada.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(ada.getByTestId("issued-key")).toHaveCount(0);
    await expect(row().getByTestId("api-key-prefix")).toHaveText(`tsk_${keyId}_…`);
    expect(await ada.content()).not.toContain(key.slice(`tsk_${keyId}_`.length));
  });

  await test.step("editing changes the limits and fallback in place, refusing a bad number", async () => {
    await row()
      .getByRole("button", { name: `Edit ${name}` })
      .click();
    const dialog = ada.getByRole("dialog", { name: `Edit ${name}` });
    await dialog.getByLabel("Tokens a minute").fill("lots");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toContainText("Enter a whole number of tokens a minute");
    await a11y.check(ada);
    await dialog.getByLabel("Tokens a minute").fill("50,000");
    await dialog.getByLabel("Fall back to a smaller model or the CPU tier").check();
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(ada.getByRole("status").filter({ hasText: `${name} saved.` })).toBeVisible();
    await expect(row().getByTestId("api-key-limits")).toHaveText(
      "120 requests and 50,000 tokens a minute",
    );
    await expect(row()).toContainText("May fall back to a smaller model");
  });

  await test.step("rotating asks for a grace period and shows the new key once, under the same id", async () => {
    await row()
      .getByRole("button", { name: `Rotate ${name}` })
      .click();
    const dialog = ada.getByRole("dialog", { name: `Rotate ${name}?` });
    await expect(dialog).toContainText("new secret under the same id");
    await dialog.getByLabel("For 24 hours").check();
    await a11y.check(ada);
    await dialog.getByRole("button", { name: "Rotate key" }).click();

    const issued = ada.getByTestId("issued-key");
    await expect(
      issued.getByRole("heading", { name: `${name} has a new secret: copy the key now` }),
    ).toBeFocused();
    expect(await row().getByTestId("api-key-grace").count()).toBe(1);
    const rotated = await ada.getByLabel("Your API key").inputValue();
    expect(rotated).toMatch(KEY_FORMAT);
    expect(rotated).not.toBe(key);
    expect(KEY_FORMAT.exec(rotated)![1]).toBe(keyId);
    await expect(ada.getByTestId("issued-grace")).toContainText(
      "The previous secret keeps working until",
    );
    await expect(row().getByTestId("api-key-grace")).toContainText(
      "Rotated: the previous secret works until",
    );
    await a11y.check(ada);
  });

  await test.step("revoking asks once, and then the key has no actions left", async () => {
    await row()
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    const dialog = ada.getByRole("dialog", { name: `Revoke ${name}?` });
    await expect(dialog).toContainText("cannot be undone");
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(ada.getByRole("status").filter({ hasText: `${name} is revoked` })).toBeVisible();
    expect(await row().getByTestId("api-key-status").textContent()).toBe("Revoked");
    await expect(ada.getByTestId("issued-key")).toHaveCount(0);
    await expect(row().getByTestId("api-key-status")).toHaveText("Revoked");
    await expect(row().getByRole("button")).toHaveCount(0);
    await a11y.check(ada);
  });

  await test.step("another organisation's researcher gets 404 on the page", async () => {
    const bruno = await signedIn("researcher2");
    const response = await bruno.goto(`/orgs/${organizationId}/api-keys`);
    expect(response?.status()).toBe(404);
    await expect(bruno.getByText(name)).toHaveCount(0);
  });
});

test("a key for a project whose data may go where no cluster serves endpoints says so, and whom to ask", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(120_000);
  const name = `Clinical key ${uniqueSuffix()}`;
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.goto(`/orgs/${organizationId}/api-keys`);
  // The demo's clusters are in the EU: deploying would not help, so the page does not offer it.
  const place =
    "No cluster that serves endpoints on Tessera is where this project's data may go (GB): calls with a key for it are refused until the platform's operators add one.";
  const refused =
    "No cluster that serves endpoints on Tessera is where this project's data may go (GB): calls with this key are refused until the platform's operators add one.";
  const ask = "Ask the platform's operators";

  await test.step("choosing the project says so beside the field, before a key is made", async () => {
    const hint = ada.getByTestId("api-key-project-unreachable");
    await expect(hint).toHaveCount(0);
    await ada.getByLabel("Project", { exact: true }).selectOption({ label: CLINICAL });
    await expect(hint).toHaveText(`${place} ${ask}`);
    await expect(hint.getByRole("link", { name: ask })).toHaveAttribute("href", "/help");
    await expect(hint.getByRole("link", { name: "Deploy an endpoint" })).toHaveCount(0);
    await ada.getByLabel("Project", { exact: true }).selectOption({ label: PROJECT });
    await expect(hint).toHaveCount(0);
    await ada.getByLabel("Project", { exact: true }).selectOption({ label: CLINICAL });
    await a11y.check(ada);
  });

  let key = "";
  await test.step("the key's example names no model it cannot reach, and says why", async () => {
    await ada.getByLabel("Key name").fill(name);
    await ada.getByRole("button", { name: "Create key" }).click();
    const issued = ada.getByTestId("issued-key");
    await expect(issued.getByRole("heading", { name: `${name} is ready` })).toBeFocused();
    key = await ada.getByLabel("Your API key").inputValue();
    const why = issued.getByTestId("issued-key-unreachable");
    await expect(why).toHaveText(
      `${refused} When a model this key may call runs, put its name in place of <model>. ${ask}`,
    );
    await expect(why.getByRole("link", { name: ask })).toBeVisible();
    await expect(issued.getByTestId("issued-key-example")).toContainText('"model":"<model>"');
    await expect(issued).not.toContainText("Paste this into a terminal");
  });

  await test.step("its row promises only what the gateway grants", async () => {
    const row = ada.getByRole("row").filter({ hasText: name });
    await expect(row.getByTestId("api-key-scope")).toHaveText(
      "Every endpoint and model of the organisation, and the shared models it holds tokens for, that run where the project's data may go (GB)",
    );
    await expect(row.getByTestId("api-key-unreachable")).toHaveText(`${refused} ${ask}`);
    await ada.setViewportSize({ width: 1280, height: 900 });
    await ada.screenshot({
      path: test.info().outputPath("clinical-key-w1280.png"),
      fullPage: true,
    });
    await everyColumnFits(ada, "The organisation's API keys, newest first");
    await ada.setViewportSize({ width: 390, height: 844 });
    await ada.screenshot({ path: test.info().outputPath("clinical-key-w390.png"), fullPage: true });
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("and the gateway refuses the key as the page said, naming the place", async () => {
    await expect(async () => {
      const response = await ada.request.post(`${E2E.gateway}/v1/chat/completions`, {
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        data: { model: SHARED_MODEL, messages: [{ role: "user", content: "Hello" }] },
      });
      expect(response.status()).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("no_endpoint_in_jurisdiction");
      expect(body.error.message).toContain("must stay in GB");
    }).toPass({ timeout: 15_000 });
  });
});

test("an organisation with no endpoint and no tokens is told so beside the project, with the way to deploy", async ({
  signedIn,
  a11y,
}) => {
  const chiara = await signedIn("founder");
  const organizationId = await openOrganisation(chiara, "Vela Vision Systems");
  await chiara.goto(`/orgs/${organizationId}/api-keys`);
  const project = chiara.getByLabel("Project", { exact: true });
  const first = await project.locator("option").nth(1).getAttribute("value");
  await project.selectOption(first ?? "");
  const hint = chiara.getByTestId("api-key-project-unreachable");
  await expect(hint).toHaveText(
    "The organisation has no endpoint yet, nor tokens of a shared model: calls with a key are refused until an endpoint is deployed. Deploy an endpoint",
  );
  await hint.getByRole("link", { name: "Deploy an endpoint" }).click();
  // The deploy form opens for the project the key was for.
  await expect(chiara).toHaveURL(
    new RegExp(`/orgs/${organizationId}/endpoints/new\\?project=${first}$`),
  );
  await expect(chiara.getByLabel("Project", { exact: true })).toHaveValue(first ?? "");
  await a11y.check(chiara);
});
