import { describe, expect, it } from "vitest";
import { carriesText } from "./first-token";

const event = (json: unknown) => Buffer.from(`data: ${JSON.stringify(json)}\n\n`);

describe("carriesText", () => {
  it("is false for the opening chunk with a role and empty content, and for usage alone", () => {
    expect(carriesText(event({ choices: [{ delta: { role: "assistant", content: "" } }] }))).toBe(
      false,
    );
    expect(carriesText(event({ choices: [], usage: { prompt_tokens: 3 } }))).toBe(false);
    expect(carriesText(event({ choices: [{ text: "" }] }))).toBe(false);
  });

  it("is true for a chat token, a completion token, and text after an empty field", () => {
    expect(carriesText(event({ choices: [{ delta: { content: "Hi" } }] }))).toBe(true);
    expect(carriesText(event({ choices: [{ text: " the" }] }))).toBe(true);
    expect(
      carriesText(event({ choices: [{ delta: { content: "" } }, { delta: { content: "a" } }] })),
    ).toBe(true);
    // An escaped quote is text too.
    expect(carriesText(event({ choices: [{ delta: { content: '"' } }] }))).toBe(true);
  });
});
