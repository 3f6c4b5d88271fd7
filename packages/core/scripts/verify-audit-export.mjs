#!/usr/bin/env node
/**
 * Verifies a Tessera audit log export (JSON Lines) offline, with nothing but Node.js (18 or newer):
 *
 *   node verify-audit-export.mjs tessera-audit.jsonl
 *
 * Each line is one event. The script recomputes every event's SHA-256 hash from its content and
 * the previous event's hash — the same canonical JSON the portal hashes — and checks that each
 * event links to the one before it, the first to the genesis hash (64 zeros). It prints
 * "OK: …" and exits 0 when the whole chain holds, or names the first line that does not and
 * exits 1. This file depends on nothing in Tessera: a regulator may copy it on its own.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted and undefined members left out. */
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The hash of exactly the chained fields of an event. */
function eventHash(event) {
  const body = canonicalJson({
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    organizationId: event.organizationId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: event.ip,
    userAgent: event.userAgent,
    data: event.data,
    prevHash: event.prevHash,
  });
  return createHash("sha256").update(body).digest("hex");
}

const FIELDS = ["id", "occurredAt", "action", "targetType", "prevHash", "hash"];

/**
 * The file's lines, split at "\n" only (readline would also split at U+2028 and U+2029, which
 * JSON text may carry unescaped inside a string), read as a stream.
 */
async function* linesOf(file) {
  let rest = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8" })) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop();
    yield* parts;
  }
  if (rest !== "") yield rest;
}

async function verify(file) {
  const lines = linesOf(file);
  let previous = GENESIS_HASH;
  let number = 0;
  let checked = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === "") continue;
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      return { ok: false, line: number, problem: "is not valid JSON" };
    }
    const missing = FIELDS.filter((field) => typeof event?.[field] !== "string");
    if (missing.length > 0) {
      return { ok: false, line: number, problem: `lacks ${missing.join(", ")}` };
    }
    if (event.prevHash !== previous) {
      return {
        ok: false,
        line: number,
        id: event.id,
        problem:
          checked === 0
            ? "does not start at the genesis hash (the export is not the whole chain)"
            : "does not link to the event before it (an event was removed, added or reordered)",
      };
    }
    if (eventHash(event) !== event.hash) {
      return {
        ok: false,
        line: number,
        id: event.id,
        problem: "its content does not match its hash",
      };
    }
    previous = event.hash;
    checked += 1;
  }
  return { ok: true, checked, last: previous };
}

const file = process.argv[2];
if (!file) {
  console.error("Usage: node verify-audit-export.mjs <export.jsonl>");
  process.exit(2);
}
const verdict = await verify(file);
if (verdict.ok) {
  console.info(
    `OK: ${verdict.checked} events, chain intact from the genesis hash to ${verdict.last}.`,
  );
} else {
  const event = verdict.id ? ` (event ${verdict.id})` : "";
  console.error(`BROKEN: line ${verdict.line}${event} ${verdict.problem}.`);
  process.exitCode = 1;
}
