import { describe, expect, it } from "vitest";
import { readListPrice } from "./catalogue-price";
import { resourceClassProblems } from "./resource-class-checks";

const good = {
  code: "h100-80gb",
  name: "NVIDIA H100 80GB",
  unit: "GPU",
  price: "2.95",
  power: "700",
};
const options = { existing: false, tokens: false, currency: "EUR" };

describe("resourceClassProblems", () => {
  it("takes a good class, with its price in cents and its power in watts", () => {
    expect(resourceClassProblems(good, options)).toEqual({
      problems: [],
      priceMinor: 295,
      powerWatts: 700,
    });
  });

  it("says every problem in one round, in the form's order", () => {
    const { problems } = resourceClassProblems(
      { code: "H100 80GB", name: "x".repeat(121), unit: "", price: "0.001", power: "lots" },
      options,
    );
    expect(problems).toEqual([
      [
        "code",
        "The code is lower-case letters, digits, dots and dashes, starting with a letter or digit, for example h100-80gb.",
      ],
      ["name", "The name can be at most 120 characters."],
      ["unit", "Enter the unit."],
      [
        "listPriceMinorPerHour",
        "Prices are in whole cents: enter at most two decimals, for example 2.95.",
      ],
      ["powerDrawWatts", "Enter the power draw as a whole number of watts."],
    ]);
  });

  it("checks no code on an edit, and no unit or power for a tokens class", () => {
    expect(
      resourceClassProblems(
        { ...good, code: "", unit: "", power: "" },
        { existing: true, tokens: true, currency: "EUR" },
      ).problems,
    ).toEqual([]);
  });

  it("says a negative power draw is below zero, not that it is not whole", () => {
    for (const power of ["-700", "−700", " - 700"]) {
      expect(resourceClassProblems({ ...good, power }, options).problems).toEqual([
        ["powerDrawWatts", "Enter a power draw of 0 W or more."],
      ]);
    }
    expect(resourceClassProblems({ ...good, power: "-7.5" }, options).problems).toEqual([
      ["powerDrawWatts", "Enter the power draw as a whole number of watts."],
    ]);
  });

  it("holds a power draw to the server's limit", () => {
    expect(resourceClassProblems({ ...good, power: "100001" }, options).problems).toEqual([
      ["powerDrawWatts", "The power draw can be at most 100,000 watts per unit."],
    ]);
  });
});

describe("readListPrice", () => {
  it.each([
    ["", "Enter the price as an amount, for example 2.95."],
    ["0.001", "Prices are in whole cents: enter at most two decimals, for example 2.95."],
    ["-1", "Enter a price of zero or more."],
    [
      "1e3",
      "Enter the price as a number in digits, with a point before the cents, for example 2.95.",
    ],
    ["100000.01", "The price can be at most €100,000.00."],
  ])("answers %j with its own message", (input, error) => {
    expect(readListPrice(input, "EUR")).toEqual({ minor: null, error });
  });

  it("takes zero and whole cents", () => {
    expect(readListPrice("0", "EUR")).toEqual({ minor: 0, error: null });
    expect(readListPrice("€2.95", "EUR")).toEqual({ minor: 295, error: null });
  });
});
