import { describe, expect, it } from "vitest";
import { endpointNameProblem } from "./endpoint-rules";

describe("an endpoint's name", () => {
  it("is 2 to 64 characters, counting a character outside the BMP once", () => {
    expect(endpointNameProblem("ok")).toBeNull();
    expect(endpointNameProblem("a".repeat(64))).toBeNull();
    expect(endpointNameProblem(`a${"\u{1F680}".repeat(63)}`)).toBeNull();
    const length = "Give the endpoint a name of 2 to 64 characters.";
    expect(endpointNameProblem("a")).toBe(length);
    expect(endpointNameProblem("a".repeat(65))).toBe(length);
    expect(endpointNameProblem(`a${"\u{1F680}".repeat(64)}`)).toBe(length);
  });

  it("has a letter or a digit in it, so it can be read in a list", () => {
    expect(endpointNameProblem("模型")).toBeNull();
    expect(endpointNameProblem("\u200b\u200b\u200b")).toBe(
      "Give the endpoint a name with a letter or a digit in it.",
    );
  });
});
