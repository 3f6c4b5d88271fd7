import { describe, expect, it } from "vitest";
import { readProgrammeBudget, readProgrammeCap } from "./programme-amounts";

const notANumberBudget =
  "Enter the programme's budget as a number in digits, with a point before the cents, like 2,000,000.00.";
const notANumberCap =
  "Enter the limit per organisation as a number in digits, with a point before the cents, like 250,000.00.";

describe("readProgrammeBudget", () => {
  it.each([
    [
      "12.345",
      "Enter the programme's budget to the cent, at most two decimals, like 2,000,000.00.",
    ],
    ["1e9", notANumberBudget],
    ["😀", notANumberBudget],
    ["99999999999999999999", "The programme's budget can be at most €10,000,000,000,000.00."],
    ["10,000,000,000,000.01", "The programme's budget can be at most €10,000,000,000,000.00."],
    ["-50", "Enter a programme budget above zero."],
    ["0", "Enter a programme budget above zero."],
    ["", "Enter the programme's budget, for example 2,000,000.00."],
  ])("answers %j with its own message", (input, error) => {
    expect(readProgrammeBudget(input, "EUR")).toEqual({ minor: null, error });
  });

  it("takes an amount in cents, up to the maximum", () => {
    expect(readProgrammeBudget("2,000,000.00", "EUR")).toEqual({
      minor: 200_000_000,
      error: null,
    });
    expect(readProgrammeBudget("0.01", "EUR")).toEqual({ minor: 1, error: null });
    expect(readProgrammeBudget("€10,000,000,000,000", "EUR")).toEqual({
      minor: 1_000_000_000_000_000,
      error: null,
    });
  });

  it("names the limit in the programme's currency", () => {
    expect(readProgrammeBudget("99999999999999999999", "GBP").error).toBe(
      "The programme's budget can be at most £10,000,000,000,000.00.",
    );
  });
});

describe("readProgrammeCap", () => {
  it.each([
    [
      "12.345",
      "Enter the limit per organisation to the cent, at most two decimals, like 250,000.00.",
    ],
    ["1e9", notANumberCap],
    ["😀", notANumberCap],
    ["99999999999999999999", "The limit per organisation can be at most €10,000,000,000,000.00."],
    ["-50", "Enter a limit per organisation above zero."],
    ["0", "Enter a limit per organisation above zero."],
    [" ", "Enter the limit per organisation, for example 250,000.00."],
  ])("answers %j with its own message", (input, error) => {
    expect(readProgrammeCap(input, "EUR")).toEqual({ minor: null, error });
  });

  it("takes an amount in cents", () => {
    expect(readProgrammeCap("250,000.50", "EUR")).toEqual({ minor: 25_000_050, error: null });
  });
});
