import { describe, expect, it } from "vitest";
import { text } from "./schemas";
import { decisionReasonInput } from "./routers/applications/inputs";
import { scoreApplicationInput } from "./routers/reviews/score";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("text inputs", () => {
  const comment = text("Comment", 50, 10);

  it("refuses text made only of invisible characters, saying why", () => {
    expect(messages(comment.safeParse("\u200B".repeat(11)))).toEqual([
      "Enter comment; invisible characters alone do not count.",
    ]);
    expect(messages(comment.safeParse("\uFEFF\u00AD\u202E\u2060\u3164 "))).toEqual([
      "Enter comment; invisible characters alone do not count.",
    ]);
    expect(messages(comment.safeParse("   "))).toEqual(["Enter comment."]);
  });

  it("says how many characters were given when too few are visible", () => {
    expect(messages(comment.safeParse("too\u200Bshort"))).toEqual([
      "Comment must be at least 10 characters; you gave 8.",
    ]);
    expect(messages(decisionReasonInput.safeParse("No."))).toEqual([
      "Reason must be at least 10 characters; you gave 3.",
    ]);
  });

  it("stores text without stray invisible characters", () => {
    expect(comment.parse(" \u200BSolid plan,\u00AD well argued\uFEFF ")).toBe(
      "Solid plan, well argued",
    );
    expect(text("Name", 40).parse("👩‍🔬 Lab")).toBe("👩‍🔬 Lab");
  });

  it("lets optional text be empty", () => {
    expect(text("Search", 20, 0).parse("\u200B")).toBe("");
  });

  it("holds review comments to ten visible characters", () => {
    const input = { reviewId: "r1", score: 4, comment: "\u200B".repeat(11) };
    expect(scoreApplicationInput.safeParse(input).success).toBe(false);
    expect(scoreApplicationInput.safeParse({ ...input, comment: "Convincing plan." }).success).toBe(
      true,
    );
  });
});
