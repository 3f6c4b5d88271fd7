import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_SETTINGS_PATH } from "@tessera/core";
import { programmeRoutes } from "@/components/programmes/paths";

const APP_DIR = path.resolve(import.meta.dirname, "../app");

/** Whether the app router has a page for a static path: route groups "(x)" add no segment. */
function hasPage(dir: string, segments: readonly string[]): boolean {
  const groups = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\(.+\)$/.test(entry.name))
    .map((entry) => path.join(dir, entry.name));
  if (groups.some((group) => hasPage(group, segments))) return true;
  const [first, ...rest] = segments;
  if (first === undefined) return existsSync(path.join(dir, "page.tsx"));
  const next = path.join(dir, first);
  return existsSync(next) && hasPage(next, rest);
}

describe("the notification settings address in every mail", () => {
  it("is a page of the portal", () => {
    expect(hasPage(APP_DIR, NOTIFICATION_SETTINGS_PATH.split("/").filter(Boolean))).toBe(true);
    // The check itself can fail: an address with no page is not found.
    expect(hasPage(APP_DIR, ["notifications", "preferences"])).toBe(false);
  });

  it("is the address the portal's own links use", () => {
    expect(programmeRoutes.notificationSettings).toBe(NOTIFICATION_SETTINGS_PATH);
  });
});
