import { describe, expect, it } from "vitest";
import { inScaleRange, scaleRangeOf } from "@tessera/core/replica-rules";
import { te } from "@/i18n";

/** The replica counts a text names, in order. */
const numbersIn = (text: string) => [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));

describe("an endpoint's replica bounds, on its page and beside its scale field", () => {
  it.each([
    [0, 2],
    [1, 2],
    [2, 4],
    [3, 3],
    [0, 1],
  ])("say the same range, the one a scale accepts (minimum %i, maximum %i)", (min, max) => {
    const range = scaleRangeOf({ minReplicas: min, maxReplicas: max });
    const page = te.detail.bounds(range);
    const field = te.actions.scaleHint(range);
    expect(numbersIn(page)).toEqual(numbersIn(field));
    const named = numbersIn(field);
    const [low, high] = [named[0]!, named.at(-1)!];
    expect(inScaleRange(range, low)).toBe(true);
    expect(inScaleRange(range, low - 1)).toBe(false);
    expect(inScaleRange(range, high)).toBe(true);
    expect(inScaleRange(range, high + 1)).toBe(false);
    // Zero is reached by scaling to zero, offered only where the minimum is 0: both say so then.
    expect(page.includes("zero")).toBe(min === 0);
    expect(field.includes("zero")).toBe(min === 0);
  });

  it("reads as a person would say it", () => {
    const scalesToZero = scaleRangeOf({ minReplicas: 0, maxReplicas: 2 });
    expect(te.detail.bounds(scalesToZero)).toBe(
      "scales between 1 and 2 while it runs; its minimum is zero, so it can also scale to zero",
    );
    expect(te.actions.scaleHint(scalesToZero)).toBe("From 1 to 2; to stop it, scale it to zero.");
    const fixed = scaleRangeOf({ minReplicas: 3, maxReplicas: 3 });
    expect(te.detail.bounds(fixed)).toBe("runs 3");
    expect(te.actions.scaleHint(fixed)).toBe("Only 3.");
    expect(te.actions.scaleInvalid(fixed)).toBe("Enter 3.");
  });
});
