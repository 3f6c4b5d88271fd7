import { describe, expect, it } from "vitest";
import { ApiError } from "@tessera/openai";
import { countPromptTokens, parseModelRequest } from "./requests";

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("request bodies", () => {
  it("accepts a chat completion and notes whether the client asked for usage", () => {
    const request = parseModelRequest("chat", {
      model: "m",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
      top_k: 20,
    });
    expect(request).toMatchObject({ model: "m", stream: true, clientWantsUsage: true });
  });

  it("names an unknown field, however deep the schema knows it", () => {
    const error = refusal(() =>
      parseModelRequest("chat", { model: "m", messages: [{ role: "user", content: "x" }], foo: 1 }),
    );
    expect(error).toMatchObject({ status: 400, code: "unknown_parameter", param: "foo" });
    expect(error.message).toBe("Unrecognized request argument supplied: foo");
  });

  it("refuses stream options without a stream, and embeddings never stream", () => {
    expect(
      refusal(() =>
        parseModelRequest("completion", {
          model: "m",
          prompt: "x",
          stream_options: { include_usage: true },
        }),
      ).param,
    ).toBe("stream_options");
    expect(parseModelRequest("embedding", { model: "m", input: "x" }).stream).toBe(false);
  });

  it("names the offending parameter by its path", () => {
    const error = refusal(() =>
      parseModelRequest("chat", { model: "m", messages: [{ role: "robot", content: "x" }] }),
    );
    expect(error.param).toBe("messages[0].role");
  });
});

describe("the gateway's own token count", () => {
  it("counts a chat prompt with the ChatML template: 4 per message and 3 to prime the reply", () => {
    const request = parseModelRequest("chat", {
      model: "m",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "Hello" }] },
      ],
    });
    // system(1) + "Be brief."(3) + user(1) + "Hello"(1) + 2 × 4 + 3
    expect(countPromptTokens(request)).toBe(17);
  });

  it("counts token-id prompts by their length", () => {
    const request = parseModelRequest("completion", { model: "m", prompt: [[1, 2, 3], [4]] });
    expect(countPromptTokens(request)).toBe(4);
  });
});
