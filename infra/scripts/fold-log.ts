/**
 * Prints the end of a JSON-lines log with runs of the same message folded into one line, so that a
 * sweep that warns every two seconds does not push everything else out of a CI log's tail.
 * Two lines are "the same" when they differ only in their time.
 *
 *   node --import tsx infra/scripts/fold-log.ts <file> [lines to print, default 200]
 */
import { readFileSync } from "node:fs";

/** Folds consecutive repeats; returns the printed lines. */
export function foldRepeats(lines: string[]): string[] {
  const out: string[] = [];
  let previousKey: string | null = null;
  let repeats = 0;
  let lastTime = "";
  const flush = () => {
    if (repeats > 0)
      out.push(`    … the same ${repeats} more time${repeats === 1 ? "" : "s"}, until ${lastTime}`);
    repeats = 0;
  };
  for (const line of lines) {
    const time = /"time":"([^"]*)"/.exec(line)?.[1] ?? "";
    const key = line.replace(/"time":"[^"]*",?/, "");
    if (key === previousKey) {
      repeats += 1;
      lastTime = time;
      continue;
    }
    flush();
    out.push(line);
    previousKey = key;
  }
  flush();
  return out;
}

function main(): void {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error("usage: fold-log.ts <file> [lines]");
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.length > 0);
  const folded = foldRepeats(lines);
  console.info(folded.slice(-Number(count ?? 200)).join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
