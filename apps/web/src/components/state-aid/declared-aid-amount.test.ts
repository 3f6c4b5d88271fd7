import { describe, expect, it } from "vitest";
import { readDeclaredAidAmount } from "./declared-aid-amount";

const notANumber =
  "Enter the amount of aid 2 as a number of euros in digits, with a point before the cents, like 12,500.00.";

describe("readDeclaredAidAmount", () => {
  it.each([
    ["12.345", "Enter the amount of aid 2 to the cent, at most two decimals, like 12,500.00."],
    ["1e9", notANumber],
    ["😀", notANumber],
    [
      "99999999999999999999",
      "The amount of aid 2 can be at most €1,000,000,000.00; check it against the grantor's letter.",
    ],
    [
      "1,000,000,000.01",
      "The amount of aid 2 can be at most €1,000,000,000.00; check it against the grantor's letter.",
    ],
    ["-50", "Enter an amount of aid 2 above €0.00."],
    ["0", "Enter an amount of aid 2 above €0.00."],
    ["", "Enter the amount of aid 2 in euros, for example 12,500.00."],
  ])("answers %j with its own message", (input, error) => {
    expect(readDeclaredAidAmount(input, 2)).toEqual({ minor: null, error });
  });

  it("takes euros and cents, up to €1 billion", () => {
    expect(readDeclaredAidAmount("12,500.00", 1)).toEqual({ minor: 1_250_000, error: null });
    expect(readDeclaredAidAmount("€0.01", 1)).toEqual({ minor: 1, error: null });
    expect(readDeclaredAidAmount("1,000,000,000", 1)).toEqual({
      minor: 100_000_000_000,
      error: null,
    });
  });
});
