import { describe, expect, it } from "vitest";
import { ISO_COUNTRY_CODES } from "@tessera/core/countries";
import { COUNTRY_NAMES } from "./country-names";
import { countryName, countryNames } from ".";

describe("country names", () => {
  it("names every ISO country and the EU, and nothing else", () => {
    expect(Object.keys(COUNTRY_NAMES).sort()).toEqual(["EU", ...ISO_COUNTRY_CODES].sort());
    for (const name of Object.values(COUNTRY_NAMES)) expect(name.trim()).not.toBe("");
  });

  it("reads from the table, not the runtime's ICU data, so server and browser agree", () => {
    expect(countryName("HK")).toBe(COUNTRY_NAMES.HK);
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("GE")).toBe("Georgia");
    expect(countryName("EU")).toBe("European Union");
  });

  it("gives back a code it does not know, never an inherited property", () => {
    expect(countryName("XX")).toBe("XX");
    expect(countryName("constructor")).toBe("constructor");
    expect(countryName("__proto__")).toBe("__proto__");
  });
});

describe("a list of countries", () => {
  it("is in the order of the names shown, not of the ISO codes", () => {
    // By code: BG, CH, CY, DE, EU, GB.
    expect(countryNames(["BG", "CH", "CY", "DE", "EU", "GB"])).toBe(
      "Bulgaria, Cyprus, European Union, Germany, Switzerland, United Kingdom",
    );
  });

  it("places a name with an accent beside its plain letters, and leaves the input as it was", () => {
    const codes = ["TR", "AX", "AT", "CI", "CH"];
    const names = countryNames(codes).split(", ");
    expect(names.indexOf(countryName("AX"))).toBeLessThan(names.indexOf(countryName("AT")));
    expect(names.indexOf(countryName("CI"))).toBeLessThan(names.indexOf(countryName("TR")));
    expect(codes).toEqual(["TR", "AX", "AT", "CI", "CH"]);
  });
});
