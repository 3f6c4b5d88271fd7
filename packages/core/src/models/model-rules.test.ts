import { describe, expect, it } from "vitest";
import { checkModelProvenance, highestOpenness } from "./model-rules";

const valid = {
  weightsOpen: true,
  dataOpen: false,
  codeOpen: true,
  openness: "OPEN_TOOLING" as const,
  licenseSpdx: "Apache-2.0",
  weightsSha256: "a".repeat(64),
  sourceUrl: "https://models.example/tessera-demo",
  parameters: 494_032_768n,
};

describe("model provenance", () => {
  it("derives the most open class the flags support", () => {
    expect(highestOpenness({ weightsOpen: true, dataOpen: true, codeOpen: true })).toBe(
      "OPEN_SCIENCE",
    );
    expect(highestOpenness({ weightsOpen: true, dataOpen: false, codeOpen: true })).toBe(
      "OPEN_TOOLING",
    );
    expect(highestOpenness({ weightsOpen: true, dataOpen: true, codeOpen: false })).toBe(
      "OPEN_MODEL",
    );
    expect(highestOpenness({ weightsOpen: false, dataOpen: true, codeOpen: true })).toBe(
      "WEIGHTS_AVAILABLE",
    );
  });

  it("refuses a class above what is open, a bad digest and a bad licence id", () => {
    expect(() => checkModelProvenance(valid)).not.toThrow();
    expect(() => checkModelProvenance({ ...valid, openness: "WEIGHTS_AVAILABLE" })).not.toThrow();
    expect(() => checkModelProvenance({ ...valid, openness: "OPEN_SCIENCE" })).toThrow(
      /at most open tooling/,
    );
    expect(() => checkModelProvenance({ ...valid, weightsSha256: "A".repeat(64) })).toThrow(
      /sha256/,
    );
    expect(() => checkModelProvenance({ ...valid, licenseSpdx: "Apache 2.0" })).toThrow(/SPDX/);
  });
});
