import { describe, expect, it } from "vitest";
import { billingAddressLines, parseBillingAddress } from "./billing-address";

const refused = (raw: string) => {
  const parsed = parseBillingAddress(raw);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return parsed.message;
};

describe("parseBillingAddress", () => {
  it("stores each part on its own line, trimmed, with CRLF and CR written as LF and empty lines dropped", () => {
    expect(parseBillingAddress("  Hauptstraße 5 \r\n\r\n 10115 Berlin\r")).toEqual({
      ok: true,
      address: "Hauptstraße 5\n10115 Berlin",
    });
    expect(parseBillingAddress("Rue de la Loi 1\r1000 Bruxelles")).toEqual({
      ok: true,
      address: "Rue de la Loi 1\n1000 Bruxelles",
    });
  });

  it("asks for an address when there is nothing but blanks", () => {
    for (const blank of ["", "   ", "\n \r\n "]) {
      expect(refused(blank)).toBe(
        "Enter the postal address: street and number, then postcode and city.",
      );
    }
  });

  it("takes one to six lines and names the count when there are more", () => {
    expect(parseBillingAddress("Postfach 12").ok).toBe(true);
    expect(parseBillingAddress(["a", "b", "c", "d", "e", "f"].join("\n")).ok).toBe(true);
    expect(refused(["a", "b", "c", "d", "e", "f", "g"].join("\n"))).toBe(
      "The postal address has 7 lines: use at most 6.",
    );
  });

  it("names the line that is longer than 100 characters, counting characters rather than code units", () => {
    expect(parseBillingAddress(`${"x".repeat(100)}\nBerlin`).ok).toBe(true);
    // 100 astral characters are 200 UTF-16 code units, still 100 characters.
    expect(parseBillingAddress(`${"𠜎".repeat(100)}\nBerlin`).ok).toBe(true);
    expect(refused(`Berlin\n${"x".repeat(101)}`)).toBe(
      "Line 2 of the postal address is too long: at most 100 characters a line.",
    );
  });

  it("refuses more than 400 characters in all, line breaks included", () => {
    const line = "y".repeat(100);
    // Four full lines and their three breaks: 403 characters.
    expect(refused([line, line, line, line].join("\n"))).toBe(
      "The postal address is too long: at most 400 characters in all.",
    );
    expect(parseBillingAddress([line, line, line, "y".repeat(97)].join("\n")).ok).toBe(true);
  });

  it("refuses tabs, other control characters, bidirectional overrides and Unicode line separators", () => {
    const message =
      "The postal address may not contain tabs or other control characters: put each part on its own line.";
    for (const bad of [
      "Main St\t5",
      "Main St 5\u0000",
      "Main\u0007 St",
      "Main St\u0085 5",
      "\u202Eevil street",
      "one\u2028two",
      "one\u2029two",
    ]) {
      expect(refused(bad)).toBe(message);
    }
  });

  it("keeps letters of any script", () => {
    expect(parseBillingAddress("ul. Piotrkowska 104\n90-926 Łódź")).toEqual({
      ok: true,
      address: "ul. Piotrkowska 104\n90-926 Łódź",
    });
  });
});

describe("billingAddressLines", () => {
  it("splits a stored address and gives none for none", () => {
    expect(billingAddressLines("A 1\n1000 B")).toEqual(["A 1", "1000 B"]);
    expect(billingAddressLines(null)).toEqual([]);
  });
});
