import { TRPCError } from "@trpc/server";
import superjson from "superjson";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where the first text that is not valid Unicode sits in a request's input (an unpaired UTF-16
 * surrogate: JSON can carry one as `"\ud800"`, but it has no UTF-8 form, so PostgreSQL cannot store
 * it), as a dotted path ("" for the input itself); null when every string and key is well formed.
 * Iterative, so a deeply nested input cannot exhaust the stack.
 */
export function findMalformedText(input: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value: input, path: "" }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      if (UNPAIRED_SURROGATE.test(value)) return path;
      continue;
    }
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    const entries: [string, unknown][] =
      value instanceof Map
        ? [...value.entries()].flatMap(([key, item]): [string, unknown][] => [
            [String(key), key],
            [String(key), item],
          ])
        : value instanceof Set
          ? [...value].map((item, index): [string, unknown] => [String(index), item])
          : Object.entries(value);
    for (const [key, item] of entries) {
      const at = path ? `${path}.${key}` : key;
      if (UNPAIRED_SURROGATE.test(key)) return path || "(a field name)";
      pending.push({ value: item, path: at });
    }
  }
  return null;
}

export const MALFORMED_TEXT_MESSAGE =
  "Some of the text you entered contains a broken character (often half of an emoji lost in " +
  "copying). Type that text again instead of pasting it, then try again.";

/** The refusal for input with text that is not valid Unicode: a plain sentence, with no path. */
export function malformedTextError(): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: MALFORMED_TEXT_MESSAGE });
}

export const MALFORMED_ENVELOPE_MESSAGE =
  "The request could not be read: its input is not in the format the Tessera API expects.";
export const MALFORMED_JSON_MESSAGE = "The request could not be read: its input is not valid JSON.";

/**
 * superjson, except that an input whose serializer envelope cannot be decoded (an unknown type
 * tag, a malformed `meta`) is a plain 400 rather than an error carrying the decoder's internals.
 */
export const tesseraTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (envelope: unknown): unknown => {
      try {
        return superjson.deserialize(envelope as Parameters<typeof superjson.deserialize>[0]);
      } catch (cause) {
        throw new TRPCError({ code: "BAD_REQUEST", message: MALFORMED_ENVELOPE_MESSAGE, cause });
      }
    },
  },
  output: superjson,
};
