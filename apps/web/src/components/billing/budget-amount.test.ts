import { describe, expect, it } from "vitest";
import { readBudgetAmount } from "./budget-amount";

describe("readBudgetAmount", () => {
  it.each([
    ["12.345", "Enter the monthly budget to the cent, at most two decimals, for example 2,500.00."],
    [
      "1e9",
      "Enter the monthly budget as a number in digits, with a point before the cents, for example 2,500.00.",
    ],
    [
      "😀",
      "Enter the monthly budget as a number in digits, with a point before the cents, for example 2,500.00.",
    ],
    ["99999999999999999999", "The monthly budget can be at most €10,000,000,000,000.00."],
    ["10,000,000,000,000.01", "The monthly budget can be at most €10,000,000,000,000.00."],
    ["-50", "Enter a monthly budget above zero. To have no budget, remove it instead."],
    ["0", "Enter a monthly budget above zero. To have no budget, remove it instead."],
    ["0.00", "Enter a monthly budget above zero. To have no budget, remove it instead."],
    ["  ", "Enter the monthly budget, for example 2,500.00."],
  ])("answers %j with its own message", (input, error) => {
    expect(readBudgetAmount(input, "EUR")).toEqual({ minor: null, error });
  });

  it("takes an amount in cents, up to the maximum", () => {
    expect(readBudgetAmount("2,500.00", "EUR")).toEqual({ minor: 250_000, error: null });
    expect(readBudgetAmount("0.01", "EUR")).toEqual({ minor: 1, error: null });
    expect(readBudgetAmount("€10,000,000,000,000", "EUR")).toEqual({
      minor: 1_000_000_000_000_000,
      error: null,
    });
  });

  it("says whole units for a currency without cents", () => {
    expect(readBudgetAmount("1500.5", "JPY").error).toBe(
      "Enter the monthly budget in whole units, without decimals.",
    );
  });
});
