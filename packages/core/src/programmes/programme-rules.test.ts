import { describe, expect, it } from "vitest";
import { checkProgrammeAmount } from "./programme-rules";

describe("checkProgrammeAmount", () => {
  it("takes a whole number of minor units from 1 to the most a programme may have", () => {
    for (const minor of [1, 200_000_000, 1_000_000_000_000_000]) {
      expect(() => checkProgrammeAmount("budget", minor)).not.toThrow();
    }
  });

  it("refuses zero and less", () => {
    for (const minor of [0, -5_000]) {
      expect(() => checkProgrammeAmount("limit per organisation", minor)).toThrow(
        "The programme's limit per organisation must be more than zero.",
      );
    }
  });

  it("refuses fractions of a minor unit and amounts above the limit", () => {
    for (const minor of [1234.5, 1_000_000_000_000_001, 1e20, Number.NaN]) {
      expect(() => checkProgrammeAmount("budget", minor)).toThrow(
        "The programme's budget must be a whole number of minor units (cents), at most 1,000,000,000,000,000.",
      );
    }
  });
});
