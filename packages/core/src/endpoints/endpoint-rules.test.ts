import { describe, expect, it } from "vitest";
import { endpointNameProblem, scaleToZeroRefusal } from "./endpoint-rules";
import { scaleRangeOf } from "./replica-rules";

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

describe("scaling an endpoint to zero", () => {
  it("is allowed exactly when its replica bounds say so, and refused with its minimum named", () => {
    for (const [minReplicas, maxReplicas] of [
      [0, 1],
      [0, 4],
      [1, 1],
      [2, 4],
    ] as const) {
      const endpoint = { minReplicas, maxReplicas };
      expect(scaleToZeroRefusal(endpoint) === null).toBe(scaleRangeOf(endpoint).toZero);
    }
    expect(scaleToZeroRefusal({ minReplicas: 0, maxReplicas: 2 })).toBeNull();
    expect(scaleToZeroRefusal({ minReplicas: 1, maxReplicas: 2 })).toBe(
      "This endpoint keeps at least 1 replica running (its minimum), so it is never scaled to zero; deploy it with a minimum of 0 to let it scale to zero, or delete it to stop it.",
    );
    expect(scaleToZeroRefusal({ minReplicas: 3, maxReplicas: 4 })).toMatch(
      /^This endpoint keeps at least 3 replicas running/,
    );
  });
});
