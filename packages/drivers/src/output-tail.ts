import { open } from "node:fs/promises";

/** Pure: the last `lines` lines of a text (a trailing newline does not count as an empty line). */
export function tailLines(text: string, lines: number): string {
  if (lines <= 0 || text === "") return "";
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const all = body.split("\n");
  return all.slice(Math.max(0, all.length - Math.floor(lines))).join("\n");
}

/**
 * The last `lines` lines of a file, reading at most its last `maxBytes`; null when the file cannot
 * be read here (missing, not permitted, not a file).
 */
export async function readFileTail(
  path: string,
  lines: number,
  maxBytes = 64 * 1024,
): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch {
    return null;
  }
  try {
    const { size, isFile } = await handle.stat().then((stat) => ({
      size: stat.size,
      isFile: stat.isFile(),
    }));
    if (!isFile) return null;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    let text = buffer.toString("utf8");
    // A cut in the middle of the file starts mid-line: drop the partial first line.
    if (length < size) text = text.slice(text.indexOf("\n") + 1);
    return tailLines(text, lines);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
