/**
 * The cases an outside sweep of the HTTP surface found, against the built portal: the development
 * outbox is never shown to a visitor who is not signed in, a session cookie that is not valid
 * percent-encoding signs the visitor out instead of failing, and text or envelopes the API cannot
 * use get a plain 400 with a message of Tessera's own.
 */
import { persona } from "@tessera/config";
import { expect, test } from "./support/fixtures";

const BAD_COOKIES = [
  "authjs.session-token=%E0%A4%A",
  "authjs.session-token=%",
  "authjs.session-token=abc%zz; tessera-theme=%ff",
  "__Secure-authjs.session-token=%C0",
];

test("the development outbox is not shown to a visitor who is not signed in", async ({
  request,
  newPage,
}) => {
  const response = await request.get("/dev/outbox", { maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(response.headers()["location"]).toContain("/signin");
  expect(await response.text()).not.toContain("/invitations/");

  const visitor = await newPage();
  await visitor.goto("/dev/outbox");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fdev%2Foutbox/);
  await expect(visitor.getByTestId("outbox-message")).toHaveCount(0);
});

test("signed in, a person sees only the mail stored for them", async ({ signedIn }) => {
  const bruno = persona("researcher2");
  const page = await signedIn("researcher2");
  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Development outbox" })).toBeVisible();
  await expect(page.getByText(bruno.email, { exact: false }).first()).toBeVisible();
  const recipients = await page
    .getByTestId("outbox-message")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-to")));
  for (const to of recipients) expect(to).toBe(bruno.email);
});

test("a session cookie that is not valid percent-encoding signs the visitor out, never a 500", async ({
  playwright,
  baseURL,
}) => {
  for (const cookie of BAD_COOKIES) {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie },
    });
    try {
      for (const path of [
        "/",
        "/signin",
        "/accessibility",
        "/privacy",
        "/help",
        "/dashboard",
        "/admin/audit",
        "/notifications",
      ]) {
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status(), `${path} with ${cookie}`).toBeLessThan(500);
      }
      const dashboard = await request.get("/dashboard", { maxRedirects: 0 });
      expect(dashboard.headers()["location"], cookie).toContain("/signin");

      const me = await request.get(`/api/trpc/me.get`);
      expect(me.status(), `me.get with ${cookie}`).toBe(401);
      expect(await me.text()).toContain("Sign in to continue.");

      const session = await request.get("/api/auth/session");
      expect(session.status(), `/api/auth/session with ${cookie}`).toBeLessThan(500);
    } finally {
      await request.dispose();
    }
  }
});

test("text with an unpaired surrogate and a broken serializer envelope get a plain 400", async ({
  request,
  baseURL,
}) => {
  const headers = { origin: baseURL!, "content-type": "application/json" };
  // The escape travels as JSON text; parsed, it is a lone surrogate that UTF-8 cannot encode.
  const surrogate = await request.post("/api/trpc/organizations.create", {
    headers,
    data: '{"json":{"name":"Lab \\ud800 One"}}',
  });
  expect(surrogate.status()).toBe(400);
  const refusal = await surrogate.text();
  expect(refusal).toContain("contains a broken character");
  expect(refusal).not.toContain("name:");

  const envelope = await request.get(
    `/api/trpc/organizations.get?input=${encodeURIComponent(
      JSON.stringify({
        json: { organizationId: "x" },
        meta: { values: { organizationId: ["weird"] } },
      }),
    )}`,
  );
  expect(envelope.status()).toBe(400);
  const body = await envelope.text();
  expect(body).toContain("not in the format the Tessera API expects");
  expect(body).not.toContain("Unknown transformation");
  // Input that is not JSON at all: packages/api/src/malformed-input.integration.test.ts.
});
