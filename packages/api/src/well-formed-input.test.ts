import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import {
  findMalformedText,
  MALFORMED_ENVELOPE_MESSAGE,
  tesseraTransformer,
} from "./well-formed-input";

describe("findMalformedText", () => {
  it("accepts well-formed text of every kind, including astral characters and RTL marks", () => {
    expect(
      findMalformedText({
        name: "Zoë 👩🏽‍🔬 𠜎",
        note: "\u202Eabc\u202C",
        list: ["e\u0301", { deep: "\uFEFF" }],
        tags: new Set(["a"]),
        map: new Map([["k", "v"]]),
      }),
    ).toBeNull();
    expect(findMalformedText(null)).toBeNull();
    expect(findMalformedText(42)).toBeNull();
  });

  it("names the field holding an unpaired surrogate, wherever it sits", () => {
    expect(findMalformedText("a\uD800")).toBe("");
    expect(findMalformedText({ name: "ok", contactName: "x\uD800y" })).toBe("contactName");
    expect(findMalformedText({ lines: [{ note: "ok" }, { note: "\uDC00" }] })).toBe("lines.1.note");
    expect(findMalformedText({ pair: "\uDE00\uD83D" })).toBe("pair");
    expect(findMalformedText({ ["bad\uD800key"]: 1 })).toBe("(a field name)");
    expect(findMalformedText(new Map([["k", "\uD800"]]))).toBe("k");
  });

  it("walks a very deep input without exhausting the stack", () => {
    let deep: unknown = "\uD800";
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findMalformedText(deep)).toMatch(/^0(\.0)*$/);
  });
});

describe("tesseraTransformer", () => {
  it("decodes what the client's superjson encodes", () => {
    const value = { when: new Date("2026-01-02T03:04:05Z"), big: 12n };
    expect(tesseraTransformer.input.deserialize(superjson.serialize(value))).toEqual(value);
  });

  it("turns an envelope it cannot decode into a plain 400 without the decoder's words", () => {
    const broken = { json: { a: "x" }, meta: { values: { a: ["weird"] } } };
    let thrown: unknown;
    try {
      tesseraTransformer.input.deserialize(broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TRPCError);
    expect((thrown as TRPCError).code).toBe("BAD_REQUEST");
    expect((thrown as TRPCError).message).toBe(MALFORMED_ENVELOPE_MESSAGE);
  });
});
