import { describe, expect, it } from "vitest";
import { t } from "@/i18n";
import { metadata as inPortal } from "./(app)/not-found";
import { metadata as outside } from "./not-found";

describe("the not-found pages", () => {
  it("are titled 'Page not found — Tessera', not the portal's default title", () => {
    for (const metadata of [outside, inPortal]) {
      expect(metadata.title).toBe(t.errors.notFoundTitle);
      expect(`${t.errors.notFoundTitle} — ${t.meta.titleSuffix}`).toBe("Page not found — Tessera");
    }
  });
});
