import { describe, expect, it } from "vitest";
import { usageOfAnswer } from "./proxy";

const answer = (text: string) => Buffer.from(text, "utf8");

describe("usageOfAnswer", () => {
  it("reads the usage object of a compact answer, as vLLM sends it", () => {
    const body = answer(
      '{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hej"}}],"usage":{"prompt_tokens":17,"total_tokens":29,"completion_tokens":12,"prompt_tokens_details":null}}',
    );
    expect(usageOfAnswer(body)).toEqual({
      prompt_tokens: 17,
      total_tokens: 29,
      completion_tokens: 12,
      prompt_tokens_details: null,
    });
  });

  it("reads a pretty-printed answer with nested details", () => {
    const body = answer(
      '{\n  "choices": [],\n  "usage": {\n    "prompt_tokens": 5,\n    "completion_tokens": 2,\n    "prompt_tokens_details": {"cached_tokens": 0}\n  }\n}\n',
    );
    expect(usageOfAnswer(body)).toMatchObject({ prompt_tokens: 5, completion_tokens: 2 });
  });

  it("is not fooled by the word inside the generated text, or braces in strings", () => {
    const content = JSON.stringify('the "usage":{"prompt_tokens":999} was } {');
    const body = answer(
      `{"choices":[{"message":{"content":${content}}}],"usage":{"prompt_tokens":3,"completion_tokens":4,"note":"}{"}}`,
    );
    expect(usageOfAnswer(body)).toMatchObject({ prompt_tokens: 3, completion_tokens: 4 });
    const without = answer(`{"choices":[{"message":{"content":${content}}}]}`);
    expect(usageOfAnswer(without)).toBeUndefined();
  });

  it("leaves answers it cannot read this way to the whole parse", () => {
    expect(usageOfAnswer(answer('{"choices":[],"usage":null}'))).toBeUndefined();
    expect(usageOfAnswer(answer('{"usage":{"prompt_tokens":-1,"completion_tokens":2}}'))).toBe(
      undefined,
    );
    expect(usageOfAnswer(answer('{"usage":{"prompt_tokens":1.5}}'))).toBeUndefined();
    expect(usageOfAnswer(answer('{"usage":{"prompt_tokens":1,'))).toBeUndefined();
    // A legacy completion's top_logprobs keyed by the token "usage": a number, not an object.
    expect(
      usageOfAnswer(answer('{"choices":[{"logprobs":{"top_logprobs":[{"usage":-0.3}]}}]}')),
    ).toBe(undefined);
  });
});
