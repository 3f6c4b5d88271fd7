import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { generate, generationText, MAX_NATURAL_TOKENS, PIECES } from "./generate";
import { countTextTokens, MAX_UNSPACED_RUN } from "@tessera/openai";

const PLAIN = { disallowedSpecial: new Set<string>() };

describe("generate", () => {
  it("uses only pieces that are one token each, so chunks and token counts agree", () => {
    for (const piece of PIECES)
      expect(`${piece}:${encode(piece, PLAIN).length}`).toBe(`${piece}:1`);
  });

  it("gives the same reply for the same seed and a different one for another", () => {
    const first = generationText(generate({ seed: 42, limit: 1000, stop: [] }));
    expect(generationText(generate({ seed: 42, limit: 1000, stop: [] }))).toBe(first);
    expect(generationText(generate({ seed: 43, limit: 1000, stop: [] }))).not.toBe(first);
  });

  it("ends naturally at a sentence's end, or at the limit with finish_reason length", () => {
    for (let seed = 0; seed < 200; seed++) {
      const natural = generate({ seed, limit: 1000, stop: [] });
      expect(natural.finishReason).toBe("stop");
      expect(natural.count).toBeLessThanOrEqual(MAX_NATURAL_TOKENS);
      expect(generationText(natural).endsWith(".")).toBe(true);
      expect(encode(generationText(natural), PLAIN)).toHaveLength(natural.completionTokens);
    }
    const limited = generate({ seed: 1, limit: 3, stop: [] });
    expect(limited).toMatchObject({ count: 3, completionTokens: 3, finishReason: "length" });
  });

  it("cuts before a stop sequence, even inside a token, and reports which one", () => {
    const whole = generationText(generate({ seed: 5, limit: 1000, stop: [] }));
    const inside = whole.slice(whole.indexOf(" ", 10) + 2, whole.indexOf(" ", 10) + 5);
    const stopped = generate({ seed: 5, limit: 1000, stop: [inside] });
    expect(generationText(stopped)).toBe(whole.slice(0, whole.indexOf(inside)));
    expect(stopped.tail.length).toBeGreaterThan(0);
    expect(stopped.stopReason).toBe(inside);
    expect(stopped.finishReason).toBe("stop");
  });
});

describe("countTextTokens", () => {
  it("matches the tokenizer exactly on ordinary text", () => {
    const text = "Tessera's quota: 4 GPU-hours, 12 jobs — résumé 🙂 <|endoftext|>\nnext line";
    expect(countTextTokens(text)).toBe(encode(text, PLAIN).length);
    expect(countTextTokens("")).toBe(0);
  });

  it("estimates a run without spaces longer than the slice closely", () => {
    const run = "ab".repeat(MAX_UNSPACED_RUN * 2);
    const exact = encode(run, PLAIN).length;
    expect(Math.abs(countTextTokens(run) - exact)).toBeLessThanOrEqual(Math.ceil(exact * 0.1));
  });
});
