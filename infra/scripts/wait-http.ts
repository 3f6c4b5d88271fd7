/**
 * Waits until a URL answers with a status below 500 (or exactly --status), then exits 0;
 * exits 1 when the deadline passes.
 *
 *   node --import tsx infra/scripts/wait-http.ts <url> [--wait <seconds>] [--status <code>]
 */
import { readArgs, retryUntil } from "./args";

const { positional, number, flags } = readArgs();
const url = positional[0];
if (!url) {
  console.error("usage: wait-http.ts <url> [--wait <seconds>] [--status <code>]");
  process.exit(2);
}
const wanted = flags.has("status") ? number("status", 200) : undefined;
let last = "no answer";

async function answers(): Promise<boolean> {
  try {
    const response = await fetch(url!, { redirect: "manual", signal: AbortSignal.timeout(5000) });
    await response.body?.cancel();
    last = `HTTP ${response.status}`;
    return wanted === undefined ? response.status < 500 : response.status === wanted;
  } catch (error) {
    last = error instanceof Error ? error.message : String(error);
    return false;
  }
}

if (await retryUntil(answers, number("wait", 60))) process.exit(0);
console.error(`${url} did not become ready: ${last}`);
process.exit(1);
