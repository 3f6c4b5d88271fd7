import { createHash } from "node:crypto";

/** The name of a statement that is not to be prepared: node-postgres runs an empty name unnamed. */
export const UNNAMED = "";

/** Distinct statements a process prepares at most; later new texts run unprepared. */
export const MAX_PREPARED_STATEMENTS = 400;

// A list of placeholders ("IN ($1,$2,…)") makes a new text for every length: not worth keeping.
const PLACEHOLDER_LIST = /\(\s*\$\d+\s*(,\s*\$\d+\s*){3,}\)/;

/**
 * Names statements so that each connection parses and plans a statement text once and then
 * reuses it (node-postgres prepares a named statement on a connection the first time it sees
 * the name). Tessera runs the same few dozen statements over and over; parsing and planning its
 * larger ones (the submit and tracking statements) was a good part of PostgreSQL's CPU under load.
 * Texts that vary with a list's length are left unnamed, and the number of names is bounded, so
 * a process never accumulates prepared statements without end.
 */
export function createStatementNamer(
  max = MAX_PREPARED_STATEMENTS,
): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known) return known;
    if (names.size >= max || PLACEHOLDER_LIST.test(sql)) return UNNAMED;
    const name = `t_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
    names.set(sql, name);
    return name;
  };
}
