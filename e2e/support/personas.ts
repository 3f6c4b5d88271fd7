import { expect, type Page } from "@playwright/test";
import { persona, type PersonaKey } from "@tessera/config";

/**
 * Signs in through the real OpenID Connect flow: Tessera's sign-in page, the development
 * identity provider's persona picker, and back to the page asked for.
 */
export async function signInAs(
  page: Page,
  key: PersonaKey,
  callbackPath = "/dashboard",
): Promise<void> {
  const who = persona(key);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByRole("button", { name: /^Sign in with/ }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();
  await page.getByRole("button", { name: who.name }).click();
  await page.waitForURL((url) => url.pathname === callbackPath.split("?")[0]);
  await expect(page.getByTestId("signed-in-user").filter({ visible: true })).toContainText(
    who.name,
  );
}

/** A short random suffix so that every run creates its own organisations. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}
