import type { SubmitRequest } from "@tessera/core";

/** The environment entry (set by the worker from the workload spec's `simSeconds`) that fixes how
 * long a simulated job runs. */
export const SIM_SECONDS_ENV = "TESSERA_SIM_SECONDS";

/**
 * How long a simulated job runs when the workload does not say: 20 seconds, or its walltime if
 * that is shorter — long enough to watch it queue, run and log in the portal, short enough for a
 * demo. A `simSeconds` above the walltime makes the job time out, as on a real cluster.
 */
export const DEFAULT_SIM_SECONDS = 20;
const MAX_SIM_SECONDS = 7 * 86_400;

/**
 * Pure: a script's top-level statements, trimmed, in order: split at line ends and at `;` or
 * `&&` outside quotes, comments and blank statements left out. Statements inside `if`, loops and
 * `case` blocks (which only running the script could decide) are marked `nested`.
 */
export function scriptStatements(script: string): { text: string; nested: boolean }[] {
  const statements: { text: string; nested: boolean }[] = [];
  let depth = 0;
  const push = (raw: string) => {
    const text = raw.trim();
    if (text === "" || text.startsWith("#")) return;
    const word = text.split(/\s+/)[0];
    if (word === "fi" || word === "done" || word === "esac") depth = Math.max(0, depth - 1);
    statements.push({ text, nested: depth > 0 });
    if (["if", "for", "while", "until", "case"].includes(word ?? "")) depth += 1;
  };
  let current = "";
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < script.length; index += 1) {
    const char = script[index]!;
    if (quote) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === "#" && /(^|\s)$/.test(current)) {
      while (index + 1 < script.length && script[index + 1] !== "\n") index += 1;
    } else if (char === "\n" || char === ";") {
      push(current);
      current = "";
    } else if (char === "&" && script[index + 1] === "&") {
      push(current);
      current = "";
      index += 1;
    } else {
      current += char;
    }
  }
  push(current);
  return statements;
}

/** Pure: the exit code a script ends with — its last statement, when that is `exit N` (else 0). */
export function scriptExitCode(script: string): number {
  const last = scriptStatements(script).at(-1);
  const match = last && !last.nested ? /^exit(?:\s+(\d{1,3}))?$/.exec(last.text) : null;
  if (!match) return 0;
  return Number(match[1] ?? 0) % 256;
}

const REDIRECT = /\s+(?:1?>&2|2>&1)$/;
const WORDS =
  /^(?:'[^']*'|"[^"$`\\]*"|[\w,.:/+=@%-]+)(?:\s+(?:'[^']*'|"[^"$`\\]*"|[\w,.:/+=@%-]+))*$/;

/**
 * Pure: what a script prints that can be read off it without running it — each top-level `echo`
 * whose words are literal (quoted text with no expansion, or plain words), to stdout or stderr, up
 * to an `exit`. An echo that needs the script to run (`echo "$HOME"`, `$(hostname)`) is left out:
 * the simulator never runs anything.
 */
export function scriptEchoLines(script: string): string[] {
  const lines: string[] = [];
  for (const statement of scriptStatements(script)) {
    if (statement.nested) continue;
    if (/^exit\b/.test(statement.text)) break;
    const match = /^echo\s+(.*)$/.exec(statement.text);
    if (!match) continue;
    const words = match[1]!.replace(REDIRECT, "").trim();
    if (!WORDS.test(words)) continue;
    const parts = words.match(/'[^']*'|"[^"]*"|[^\s'"]+/g) ?? [];
    lines.push(parts.map((part) => part.replace(/^(['"])(.*)\1$/, "$2")).join(" "));
  }
  return lines;
}

/** Pure: the simulated run time of a request (see DEFAULT_SIM_SECONDS). */
export function simDurationSeconds(
  request: Pick<SubmitRequest, "environment" | "walltimeSeconds">,
): number {
  const given = request.environment[SIM_SECONDS_ENV]?.trim();
  if (given && /^\d+$/.test(given)) {
    const seconds = Number(given);
    if (seconds >= 1) return Math.min(seconds, MAX_SIM_SECONDS);
  }
  return Math.max(1, Math.min(request.walltimeSeconds, DEFAULT_SIM_SECONDS));
}
