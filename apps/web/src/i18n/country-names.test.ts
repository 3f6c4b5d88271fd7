import { describe, expect, it } from "vitest";
import { ISO_COUNTRY_CODES } from "@tessera/core/countries";
import { COUNTRY_NAMES } from "./country-names";
import { countryName } from ".";

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
