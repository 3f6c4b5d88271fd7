import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { STREAMED_SVG_SEGMENT_STYLE, STREAMED_SVG_SEGMENT_STYLE_HASH } from "./csp";

describe("the Content-Security-Policy's allowed inline style", () => {
  it("is the hash of exactly the style React puts on a streamed SVG segment", () => {
    const hash = createHash("sha256").update(STREAMED_SVG_SEGMENT_STYLE).digest("base64");
    expect(STREAMED_SVG_SEGMENT_STYLE_HASH).toBe(`sha256-${hash}`);
  });
});
