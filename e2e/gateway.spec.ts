/**
 * The gateway as a researcher meets it: with an endpoint of their own ready, they create an API
 * key, copy the request the page shows, call the gateway with it (the simulated model server
 * answers through it) and call the platform's shared model with it (paid from the organisation's
 * tokens), find the calls on the gateway usage page, revoke the key, and the same
 * request is refused with 401. Every page is checked with axe.
 */
import { expect, test } from "./support/fixtures";
import { NORTHBRIDGE, openOrganisation } from "./support/jobs";
import { fitsNarrowScreen } from "./support/layout";
import { uniqueSuffix } from "./support/personas";

const MOVES = { timeout: 45_000 };
const MODEL = "tessera-demo/tiny-chat-0.5b-instruct";
/** The platform's shared model: Northbridge holds tokens of its tier (the seed's award). */
const SHARED_MODEL = "tessera-shared/chat-8b";
const PROJECT = "Multilingual speech models";
const H100_LINE = /^Speech encoder pilot runs — NVIDIA H100 80 GB, .+ GPU-hours left, ends .+ \(/;
const KEY_FORMAT = /^tsk_([a-z2-7]{16})_[A-Za-z0-9_-]{43}$/;

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

test("a researcher calls their endpoint through the gateway with a new key and finds the call", async ({
  signedIn,
  a11y,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);

  let endpointUrl = "";
  await test.step("an endpoint of the organisation is ready", async () => {
    await ada.goto(`/orgs/${organizationId}/endpoints/new`);
    await ada.getByLabel(MODEL).check();
    await ada.getByLabel("Project", { exact: true }).selectOption({ label: PROJECT });
    const hardware = ada.getByLabel("Hardware tier", { exact: true });
    const line = await hardware
      .locator("option")
      .filter({ hasText: H100_LINE })
      .first()
      .getAttribute("value");
    await hardware.selectOption(line ?? "");
    await ada.getByLabel("Serving runtime").selectOption({ label: "vLLM (GPU)" });
    await ada.getByLabel("Endpoint name").fill(`Gateway endpoint ${suffix}`);
    await ada.getByRole("button", { name: "Deploy endpoint" }).click();
    await ada.waitForURL(/\/orgs\/[^/]+\/endpoints\/(?!new$)[^/]+$/);
    await expect(ada.getByRole("main").getByTestId("endpoint-status").first()).toHaveText(
      "Ready",
      MOVES,
    );
    endpointUrl = ada.url();
  });

  const name = `Gateway key ${suffix}`;
  let call = { url: "", headers: {} as Record<string, string>, body: { model: "" } };
  let keyId = "";
  await test.step("a new key is shown once with a request to the gateway", async () => {
    await ada.goto(`/orgs/${organizationId}/api-keys`);
    await ada.getByLabel("Key name").fill(name);
    await ada.getByLabel("Project", { exact: true }).selectOption({ label: PROJECT });
    await ada.getByLabel("In 30 days").check();
    await ada.getByRole("button", { name: "Create key" }).click();
    const key = await ada.getByLabel("Your API key").inputValue();
    keyId = KEY_FORMAT.exec(key)![1]!;
    call = parseCurl((await ada.getByTestId("issued-key-example").textContent()) ?? "");
    expect(call.headers.Authorization).toBe(`Bearer ${key}`);
    expect(call.body.model).toBe(MODEL);
  });

  let requestId = "";
  await test.step("the request shown is answered through the gateway", async () => {
    // The gateway learns of new endpoints and keys within its refresh (half a second here).
    await expect(async () => {
      const response = await ada.request.post(call.url, { headers: call.headers, data: call.body });
      expect(response.status()).toBe(200);
      const answer = (await response.json()) as {
        model: string;
        choices: { message: { content: string } }[];
        usage: { total_tokens: number };
      };
      expect(answer.model).toBe(MODEL);
      expect(answer.choices[0]!.message.content.length).toBeGreaterThan(0);
      expect(answer.usage.total_tokens).toBeGreaterThan(0);
      requestId = response.headers()["x-request-id"] ?? "";
    }).toPass({ timeout: 15_000 });
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
  });

  await test.step("the same key calls the platform's shared model, paid from the organisation's tokens", async () => {
    await expect(async () => {
      const response = await ada.request.post(call.url, {
        headers: call.headers,
        data: { ...call.body, model: SHARED_MODEL },
      });
      expect(response.status()).toBe(200);
      expect(response.headers()["x-tessera-model"]).toBe(SHARED_MODEL);
      expect(((await response.json()) as { model: string }).model).toBe(SHARED_MODEL);
    }).toPass({ timeout: 30_000 });
  });

  await test.step("the gateway usage page shows the call under the key", async () => {
    await ada.goto(`/orgs/${organizationId}/api-keys`);
    await ada.getByRole("link", { name: "Usage of the keys" }).click();
    await expect(ada.getByRole("heading", { level: 1, name: "Gateway usage" })).toBeVisible();
    const row = ada.getByTestId(`gateway-key-${keyId}`);
    // Both calls' records are written in the gateway's next batches, each within a second or so:
    // the page is read again until both are counted (a person would reload too).
    await expect(async () => {
      await ada.reload();
      await expect(row.getByRole("cell").first()).toHaveText("2", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText(name);
    await expect(ada.getByTestId("gateway-model").filter({ hasText: MODEL })).toBeVisible();
    await expect(ada.getByTestId("gateway-model").filter({ hasText: SHARED_MODEL })).toBeVisible();
    await fitsNarrowScreen(ada, { stayNarrow: true });
    await a11y.check(ada);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("once the key is revoked, the same request is refused with 401", async () => {
    await ada.goto(`/orgs/${organizationId}/api-keys`);
    const keyRow = ada.getByRole("row").filter({ hasText: name });
    await keyRow.getByRole("button", { name: `Revoke ${name}` }).click();
    await ada
      .getByRole("dialog", { name: `Revoke ${name}?` })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(keyRow.getByTestId("api-key-status")).toHaveText("Revoked");
    await expect(async () => {
      const response = await ada.request.post(call.url, { headers: call.headers, data: call.body });
      expect(response.status()).toBe(401);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe("revoked_api_key");
    }).toPass({ timeout: 10_000 });
  });

  // The endpoint holds the pilot's H100 quota while it runs: give it back for the other specs.
  await test.step("the endpoint is deleted again", async () => {
    await ada.goto(endpointUrl);
    await ada.getByRole("button", { name: "Delete endpoint" }).click();
    await ada
      .getByRole("dialog", { name: `Delete Gateway endpoint ${suffix}?` })
      .getByRole("button", { name: "Delete endpoint" })
      .click();
    await expect(ada.getByRole("main").getByTestId("endpoint-status").first()).toHaveText(
      "Deleted",
      MOVES,
    );
  });
});
