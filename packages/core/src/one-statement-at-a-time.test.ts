import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * A transaction runs on one connection, which takes one statement at a time: handed a second while
 * the first runs, pg queues it and warns ("Calling client.query() when the client is already
 * executing a query"), and pg 9 refuses it. So nothing hands a transaction's client to
 * `Promise.all`: not in the callback of `$transaction` or `rawTransaction`, and not in a function
 * that takes a client which may be a transaction's (a SqlClient, a raw or ORM transaction client,
 * or a parameter named `tx`). A function that wants its readings at once takes the database.
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SOURCE_ROOTS = ["packages", "apps"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ["node_modules", "generated", ".next", "dist"].includes(entry.name)
        ? []
        : sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The text from `open` (an opening bracket) to its matching close. */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { "(": ")", "{": "}" };
  const close = pairs[text[open]!]!;
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === text[open]) depth += 1;
    else if (text[i] === close && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** Each `Promise.all(…)`/`Promise.allSettled(…)` call's text in `body`. */
function concurrentCalls(body: string): string[] {
  return [...body.matchAll(/Promise\.all(?:Settled)?\(/g)].map((m) =>
    balanced(body, m.index + m[0].length - 1),
  );
}

const mentions = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text);

/** The places in one file's source that run a transaction's client's statements at once. */
export function concurrentTransactionQueries(source: string): string[] {
  const found: string[] = [];
  const line = (index: number) => source.slice(0, index).split("\n").length;
  // Callbacks of an ORM or a raw transaction: nothing at once inside.
  for (const m of source.matchAll(/(?:\$transaction|\brawTransaction)\(/g)) {
    const call = balanced(source, m.index + m[0].length - 1);
    if (/=>/.test(call) && concurrentCalls(call).length > 0) found.push(`line ${line(m.index)}`);
  }
  // Functions given a client that may be a transaction's: nothing at once on it.
  const clientParameter =
    /\b(\w+)\??\s*:\s*(?:SqlClient|RawClient|Prisma\.TransactionClient|TransactionClient|Tx)\b|\b(tx)\b\s*[:,)]/g;
  for (const m of source.matchAll(/\bfunction\*?\s+\w+\s*(?:<[^(]*?>)?\s*\(/g)) {
    const parameters = balanced(source, m.index + m[0].length - 1);
    const names = [...parameters.matchAll(clientParameter)].map((p) => p[1] ?? p[2]!);
    if (names.length === 0) continue;
    const open = source.indexOf("{", m.index + m[0].length - 1 + parameters.length);
    const body = balanced(source, open);
    if (concurrentCalls(body).some((call) => names.some((name) => mentions(call, name)))) {
      found.push(`line ${line(m.index)}`);
    }
  }
  return found;
}

describe("a transaction's client runs one statement at a time", () => {
  it("finds concurrent statements on a transaction's client where they are written", () => {
    expect(
      concurrentTransactionQueries(`
        await db.$transaction(async (tx) => {
          const [a, b] = await Promise.all([tx.user.count(), tx.project.count()]);
        });`),
    ).toEqual(["line 2"]);
    expect(
      concurrentTransactionQueries(`
        export async function months(client: SqlClient, wanted: string[]) {
          return Promise.all(wanted.map((month) => read(client, month)));
        }`),
    ).toEqual(["line 2"]);
    expect(
      concurrentTransactionQueries(`
        export async function months(database: Database, wanted: string[]) {
          return Promise.all(wanted.map((month) => read(database, month)));
        }
        export async function one(client: SqlClient) {
          const a = await read(client, "a");
          return [a, await read(client, "b")];
        }`),
    ).toEqual([]);
  });

  it("holds everywhere in the web app, the API, the core and the other apps", () => {
    const offenders = SOURCE_ROOTS.flatMap((root) => sourceFiles(join(ROOT, root))).flatMap(
      (file) =>
        concurrentTransactionQueries(readFileSync(file, "utf8")).map(
          (place) => `${relative(ROOT, file)}: ${place}`,
        ),
    );
    expect(offenders).toEqual([]);
  });
});
