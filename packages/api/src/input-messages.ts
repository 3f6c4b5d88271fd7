/**
 * Input errors as the person at the screen reads them: one plain sentence per problem, with no
 * zod paths ("limits.0.units"), no internal field names and none of zod's own English ("Invalid
 * input: expected number, received string"). Our schemas give their fields messages that name the
 * field as the form labels it; where an issue still carries zod's default words, the problem alone
 * is said in plain English instead.
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** How zod's own English messages begin; every message we write is a sentence of our own. */
const ZOD_DEFAULT = /^(Invalid\b|Too (small|big)\b|Unrecognized keys?\b|Expected\b|Required$)/;

const TYPE_MESSAGE: Record<string, string> = {
  number: "Enter a number.",
  int: "Enter a whole number.",
  bigint: "Enter a whole number.",
  string: "Enter text.",
  boolean: "Choose yes or no.",
  date: "Enter a date.",
};

function limit(issue: { minimum?: unknown; maximum?: unknown }, key: "minimum" | "maximum") {
  const value = issue[key];
  return typeof value === "number" || typeof value === "bigint"
    ? value.toLocaleString("en-GB")
    : String(value);
}

/** The problem alone, in plain English, for an issue that kept zod's default message. */
function plainProblem(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return (
        TYPE_MESSAGE[issue.expected] ??
        "Part of the form was sent in a form Tessera cannot read. Reload the page and try again."
      );
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1
          ? "Fill in every required field."
          : `Enter at least ${limit(issue, "minimum")} characters.`;
      if (issue.origin === "array" || issue.origin === "set")
        return issue.minimum === 1
          ? "Add at least one."
          : `Add at least ${limit(issue, "minimum")}.`;
      return `Enter ${limit(issue, "minimum")} or more.`;
    case "too_big":
      if (issue.origin === "string")
        return `Shorten the text to at most ${limit(issue, "maximum")} characters.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Give at most ${limit(issue, "maximum")}.`;
      return `Enter ${limit(issue, "maximum")} or less.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address, like name@example.org.";
      if (issue.format === "url") return "Enter a web address starting with https://.";
      if (issue.format.includes("date") || issue.format === "time") return "Enter a valid date.";
      return "Check the format of what you entered.";
    case "not_multiple_of":
      return `Enter a multiple of ${String(issue.divisor)}.`;
    case "invalid_value":
      return "Choose one of the options offered.";
    case "unrecognized_keys":
      return "The form sent something Tessera does not expect. Reload the page and try again.";
    default:
      return "Check what you entered and try again.";
  }
}

/** One issue as a plain sentence; an item of a list says which one ("Line 2: …"). */
export function plainIssueMessage(issue: Issue): string {
  const message =
    issue.message && !ZOD_DEFAULT.test(issue.message) ? issue.message : plainProblem(issue);
  const index = issue.path.findLast((segment) => typeof segment === "number");
  return index === undefined ? message : `Line ${index + 1}: ${message}`;
}

/**
 * Every problem of a refused input, each said once, as sentences the form can show: the first
 * problem of each field only (a blank name is not also "too short" and "needs a letter").
 */
export function readableZodMessage(error: z.ZodError): string {
  const seen = new Set<string>();
  const firsts = error.issues.filter((issue) => {
    const key = issue.path.map(String).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...new Set(firsts.map(plainIssueMessage))].slice(0, 5).join(" ");
}

/** Plain messages grouped by the form field (the input's top-level name) they belong to. */
export function plainFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string") continue;
    const message = plainIssueMessage(issue);
    const list = (fields[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return fields;
}
