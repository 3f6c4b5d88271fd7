import { expect, type Page } from "@playwright/test";

/** Confirms an award in its dialog, which names the application and says what the award commits. */
export async function confirmApproval(
  page: Page,
  title: string,
  expectText?: string,
): Promise<void> {
  const dialog = page.getByRole("dialog", { name: `Approve “${title}”?` });
  await expect(dialog).toBeVisible();
  if (expectText) await expect(dialog).toContainText(expectText);
  await dialog.getByRole("button", { name: "Approve and grant" }).click();
}
