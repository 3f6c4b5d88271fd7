import { describe, expect, it } from "vitest";
import { normalizeCountry, normalizeResidency } from "./countries";
import { normalizeEmail, normalizeRegistryId, slugify } from "./normalize";

describe("normalisation", () => {
  it("upper-cases ISO country codes and refuses anything else", () => {
    expect(normalizeCountry(" de ")).toBe("DE");
    expect(normalizeCountry("XX")).toBeNull();
    expect(normalizeCountry("EU")).toBeNull();
    expect(normalizeCountry("DEU")).toBeNull();
  });

  it("accepts EU as a residency but not as a country", () => {
    expect(normalizeResidency("eu")).toBe("EU");
    expect(normalizeResidency("fr")).toBe("FR");
    expect(normalizeResidency("ZZ")).toBeNull();
  });

  it("lower-cases emails and tidies registry numbers", () => {
    expect(normalizeEmail("  Ada.Okafor@Northbridge.TEST ")).toBe("ada.okafor@northbridge.test");
    expect(normalizeRegistryId("  hrb   12345 b ")).toBe("HRB 12345 B");
  });

  it("makes URL-safe slugs, never empty", () => {
    expect(slugify("Zürich Université — AI Lab!")).toBe("zurich-universite-ai-lab");
    expect(slugify("日本")).toBe("org");
    expect(slugify("a".repeat(80))).toHaveLength(48);
  });
});
