import { describe, expect, it } from "vitest";
import { foldRepeats } from "./fold-log";

describe("foldRepeats", () => {
  it("folds lines that differ only in their time, and keeps the rest in order", () => {
    const warn = (time: string) => `{"time":"${time}","level":"warn","msg":"push failed"}`;
    const lines = [
      warn("t1"),
      warn("t2"),
      warn("t3"),
      `{"time":"t4","level":"info","msg":"stopped"}`,
      warn("t5"),
    ];
    expect(foldRepeats(lines)).toEqual([
      warn("t1"),
      "    … the same 2 more times, until t3",
      `{"time":"t4","level":"info","msg":"stopped"}`,
      warn("t5"),
    ]);
  });

  it("keeps lines that differ in anything but the time", () => {
    const lines = [`{"time":"a","msg":"x","id":"1"}`, `{"time":"b","msg":"x","id":"2"}`];
    expect(foldRepeats(lines)).toEqual(lines);
  });
});
