import { describe, expect, it } from "vitest";
import { normalizeCountry, normalizeResidency } from "./countries";
import {
  cleanLine,
  cleanText,
  identityKey,
  normalizeEmail,
  normalizeRegistryId,
  slugify,
  visibleLength,
  visibleText,
} from "./normalize";

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

  it("makes registry numbers with invisible characters or compatibility forms the same number", () => {
    const plain = normalizeRegistryId("HRB 204518");
    for (const variant of [
      "HRB 204518\u200B",
      "\uFEFFHRB\u200D 204518",
      "HRB\u00A0204\u00AD518",
      "\u202EHRB 204518\u202C",
      "ＨＲＢ　２０４５１８",
      "hrb\u2060 204518\u2063",
    ])
      expect(normalizeRegistryId(variant), JSON.stringify(variant)).toBe(plain);
    expect(normalizeRegistryId("\u200B\u200B\u200B")).toBe("");
  });

  it("removes stray invisible characters from text but keeps joiners inside emoji and words", () => {
    expect(cleanText(" \u200BVela\u00AD Vision\uFEFF ")).toBe("Vela Vision");
    expect(cleanText("\u202Egnp.exe\u202C")).toBe("gnp.exe");
    expect(cleanText("👩‍🔬 lab")).toBe("👩‍🔬 lab");
    expect(cleanText("می‌خواهم")).toBe("می‌خواهم");
    expect(cleanText("\u200Dab\u200C")).toBe("ab");
    expect(cleanText("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}")).toHaveLength(14);
    expect(cleanText("a\u{E0067}b")).toBe("ab");
  });

  it("composes accents and makes every run of spaces in a name one space", () => {
    expect(cleanText("Caf\u0065\u0301")).toBe("Caf\u00E9");
    expect(cleanText("Line one \n\u200B\nLine two")).toBe("Line one \n\nLine two");
    expect(cleanLine(" Vela \t \u200B Vision\u00A0 Lab\n")).toBe("Vela Vision Lab");
  });

  it("counts only what a reader sees", () => {
    expect(visibleLength("\u200B".repeat(11))).toBe(0);
    expect(visibleLength("\u3164\u115F\u2800 ")).toBe(0);
    expect(visibleLength(" ok\u200Bok ")).toBe(4);
    expect(visibleLength("😀😀")).toBe(2);
    expect(visibleText("a\u00ADb")).toBe("ab");
  });

  it("compares names regardless of case, spacing, invisible characters and compatibility forms", () => {
    expect(identityKey("Vela  Vision\u200B Systems")).toBe(identityKey("vela vision systems"));
    expect(identityKey("Ｖｅｌａ")).toBe(identityKey("VELA"));
    expect(identityKey("Vela")).not.toBe(identityKey("Vera"));
  });
});
