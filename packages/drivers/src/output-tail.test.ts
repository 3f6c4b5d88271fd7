import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileTail, tailLines } from "./output-tail";

describe("tailLines", () => {
  it("keeps the last lines", () => {
    expect(tailLines("a\nb\nc\n", 2)).toBe("b\nc");
    expect(tailLines("a\nb", 5)).toBe("a\nb");
    expect(tailLines("", 3)).toBe("");
    expect(tailLines("a\nb\n", 0)).toBe("");
  });
});

describe("readFileTail", () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-tail-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the end of a file, dropping a cut first line", async () => {
    const file = join(dir, "1.out");
    writeFileSync(file, Array.from({ length: 1000 }, (_, index) => `line ${index}`).join("\n"));
    expect(await readFileTail(file, 3)).toBe("line 997\nline 998\nline 999");
    const small = await readFileTail(file, 1000, 100);
    expect(small?.split("\n")[0]).toMatch(/^line \d+$/);
    expect(small?.endsWith("line 999")).toBe(true);
  });

  it("is null for a file it cannot read", async () => {
    expect(await readFileTail(join(dir, "missing.out"), 5)).toBeNull();
    expect(await readFileTail(dir, 5)).toBeNull();
  });
});
