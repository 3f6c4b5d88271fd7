import { describe, expect, it } from "vitest";
import { reasonProblem } from "./decision-reason";

describe("the reason for asking for changes or rejecting", () => {
  it("is required, and the refusal says the minimum and that the applicant reads it", () => {
    expect(reasonProblem("")).toBe(
      "Write a reason: it is required, at least 10 characters, and the applicant will read it.",
    );
    expect(reasonProblem("\u200B".repeat(12))).toBe(reasonProblem(""));
  });

  it("counts only visible characters and says how many were written", () => {
    expect(reasonProblem("  Too\u200B thin ")).toBe(
      "Write a reason of at least 10 characters (you wrote 8); the applicant will read it, so say what to change or why.",
    );
    expect(reasonProblem("Budget exceeds the call cap.")).toBeNull();
  });
});
