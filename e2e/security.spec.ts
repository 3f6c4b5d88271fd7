import { expect, test } from "./support/fixtures";

test("state changes from another site are refused", async ({ request }) => {
  const body = { 0: { json: { name: "x" } } };
  const missingOrigin = await request.post("/api/trpc/organizations.create?batch=1", {
    data: body,
  });
  expect(missingOrigin.status()).toBe(403);
  expect(await missingOrigin.json()).toMatchObject({ error: { code: "FORBIDDEN" } });

  const foreign = await request.post("/api/trpc/organizations.create?batch=1", {
    data: body,
    headers: { origin: "https://attacker.example" },
  });
  expect(foreign.status()).toBe(403);
});

test("pages carry a nonce-based Content-Security-Policy and no framework banner", async ({
  request,
}) => {
  const first = await request.get("/signin");
  const second = await request.get("/signin");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["x-powered-by"]).toBeUndefined();
  const html = await first.text();
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(html).toContain(`nonce="${nonce}"`);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ signedIn }) => {
  const page = await signedIn("researcher2");
  const session = (await page.context().cookies()).find((cookie) =>
    cookie.name.endsWith("authjs.session-token"),
  );
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
