import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { decodeTimeCursor, encodeTimeCursor, pageSize, toPage } from "./pagination";

describe("time cursors", () => {
  it("round-trip a position", () => {
    const at = new Date("2026-03-01T10:20:30.456Z");
    expect(decodeTimeCursor(encodeTimeCursor({ at, id: "cm1abc" }))).toEqual({ at, id: "cm1abc" });
  });

  it.each([
    "",
    "not base64!",
    Buffer.from("12:").toString("base64url"),
    Buffer.from("x:y").toString("base64url"),
  ])("refuse a forged cursor %j with a readable error", (cursor) => {
    expect(() => decodeTimeCursor(cursor)).toThrow(AppError);
    expect(() => decodeTimeCursor(cursor)).toThrow(/no longer valid/);
  });
});

describe("pages", () => {
  it("clamp the page size", () => {
    expect(pageSize(undefined)).toBe(25);
    expect(pageSize(0)).toBe(1);
    expect(pageSize(1000)).toBe(100);
  });

  it("say there is a next page only when an extra row came back", () => {
    const cursorOf = (n: number) => `c${n}`;
    expect(toPage([1, 2, 3], 2, cursorOf)).toEqual({ items: [1, 2], nextCursor: "c2" });
    expect(toPage([1, 2], 2, cursorOf)).toEqual({ items: [1, 2], nextCursor: null });
    expect(toPage([], 2, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
