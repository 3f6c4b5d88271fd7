import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainFieldErrors, readableZodMessage } from "./input-messages";
import { emailInput, text } from "./schemas";
import { requestedLinesInput } from "./routers/programmes/shared-inputs";
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
      "Write a reason of at least 10 characters (you wrote 3); the applicant will read it, so say what to change or why.",
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

describe("emailInput", () => {
  const ascii =
    "Tessera accepts e-mail addresses in plain ASCII letters only, like name@example.org.";

  it.each(["ünï@例え.jp", "name@例え.jp", "zoë@example.org", "name@exämple.org"])(
    "says plainly that %j has letters Tessera does not take, rather than calling it invalid",
    (address) => {
      const result = emailInput.safeParse(address);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([ascii]);
    },
  );

  it("still calls a malformed ASCII address invalid, and takes a good one in lower case", () => {
    expect(emailInput.safeParse("name@").error?.issues.map((issue) => issue.message)).toEqual([
      "Enter a valid email address, like name@example.org.",
    ]);
    expect(emailInput.parse(" Name@Example.org ")).toBe("name@example.org");
  });
});

describe("input error messages", () => {
  const limitsInput = z.object({
    limits: z.array(z.object({ units: z.number() })),
    kind: z.enum(["GPU", "CPU"]),
    contact: z.email(),
  });

  it("never shows a zod path or zod's own words, and says which line is wrong", () => {
    const result = limitsInput.safeParse({
      limits: [{ units: 4 }, { units: "4 GPUs" }],
      kind: "TPU",
      contact: "nobody",
    });
    const error = result.error!;
    expect(readableZodMessage(error)).toBe(
      "Line 2: Enter a number. Choose one of the options offered. " +
        "Enter a valid email address, like name@example.org.",
    );
    expect(plainFieldErrors(error)).toEqual({
      limits: ["Line 2: Enter a number."],
      kind: ["Choose one of the options offered."],
      contact: ["Enter a valid email address, like name@example.org."],
    });
  });

  it("keeps the messages our schemas write, which name the field as the form labels it", () => {
    const result = requestedLinesInput.safeParse([
      { resourceClassId: "gpu-a100", unitHours: 10 },
      { resourceClassId: "gpu-h100", unitHours: 20_000_000 },
    ]);
    expect(readableZodMessage(result.error!)).toBe(
      "Line 2: The requested quantity must be at most 10,000,000.",
    );
    expect(messages(decisionReasonInput.safeParse(""))).toEqual([
      "Write a reason: it is required, at least 10 characters, and the applicant will read it.",
    ]);
    expect(messages(decisionReasonInput.safeParse("\u200B".repeat(12)))).toEqual([
      "Write a reason: it is required, at least 10 characters, and the applicant will read it. Invisible characters alone do not count.",
    ]);
  });

  it("says only the first problem of a field, the one to fix first", () => {
    const name = z.object({
      name: z
        .string()
        .min(2, "Enter a name of at least 2 characters.")
        .regex(/\p{L}/u, "A name needs a letter."),
      units: z.number(),
    });
    expect(readableZodMessage(name.safeParse({ name: "1", units: "x" }).error!)).toBe(
      "Enter a name of at least 2 characters. Enter a number.",
    );
  });

  it("says each problem once, in plain words for sizes and unknown fields", () => {
    const form = z.strictObject({
      tags: z.array(z.string().max(3)).min(2),
      note: z.string().min(5),
    });
    const error = form.safeParse({ tags: ["long", "longer"], note: "hi", extra: 1 }).error!;
    const message = readableZodMessage(error);
    expect(message).toBe(
      "Line 1: Shorten the text to at most 3 characters. " +
        "Line 2: Shorten the text to at most 3 characters. " +
        "Enter at least 5 characters. " +
        "The form sent something Tessera does not expect. Reload the page and try again.",
    );
    expect(message).not.toMatch(/tags|note|extra|Too (big|small)|Unrecognized/);
    expect(readableZodMessage(form.safeParse({ tags: [], note: "hello" }).error!)).toBe(
      "Add at least 2.",
    );
  });
});
