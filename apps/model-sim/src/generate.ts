import { createRandom } from "./seed";

/**
 * The simulated model writes plain sentences from a small vocabulary in which every piece is
 * exactly one token of the tokenizer (generate.test.ts proves it), so a stream sends one token
 * per chunk and the completion's token count is the number of pieces, with no tokenizing on the
 * hot path.
 */
const OPENERS = ["The", "This", "Each", "Every", "A"];
const ADJECTIVES = [
  "simulated",
  "national",
  "small",
  "quick",
  "steady",
  "shared",
  "open",
  "local",
  "careful",
];
const NOUNS = [
  "model",
  "cluster",
  "token",
  "request",
  "answer",
  "node",
  "queue",
  "job",
  "tenant",
  "endpoint",
  "stream",
  "result",
  "batch",
  "service",
  "platform",
  "dataset",
  "reply",
  "budget",
];
const VERBS = [
  "returns",
  "sends",
  "reads",
  "holds",
  "writes",
  "serves",
  "checks",
  "counts",
  "keeps",
  "finds",
  "builds",
  "shows",
];
const DETERMINERS = ["the", "a", "each", "every", "this", "one"];
const PREPOSITIONS = ["with", "for", "from", "to", "on", "in", "by", "near", "after", "before"];

function spaced(words: readonly string[]): string[] {
  return words.map((word) => ` ${word}`);
}

/** Every piece the simulated model can emit; index 0..4 open the reply without a space. */
export const PIECES: readonly string[] = [
  ...OPENERS,
  ...spaced(OPENERS),
  ...spaced(ADJECTIVES),
  ...spaced(NOUNS),
  ...spaced(VERBS),
  ...spaced(DETERMINERS),
  ...spaced(PREPOSITIONS),
  ".",
];

/** The pieces as JSON string literals, escaped once at start-up instead of once per token. */
export const PIECE_JSON: readonly string[] = PIECES.map((piece) => JSON.stringify(piece));

const FIRST_OPENER = 0;
const OPENER = OPENERS.length;
const ADJECTIVE = OPENER + OPENERS.length;
const NOUN = ADJECTIVE + ADJECTIVES.length;
const VERB = NOUN + NOUNS.length;
const DETERMINER = VERB + VERBS.length;
const PREPOSITION = DETERMINER + DETERMINERS.length;
const PERIOD = PREPOSITION + PREPOSITIONS.length;

/** A reply ends on its own after this many tokens or a little more (the end of its sentence). */
const MIN_NATURAL_TOKENS = 24;
const NATURAL_TOKENS_SPREAD = 41;
/** The longest sentence is 11 pieces, so no natural reply is longer than this. */
export const MAX_NATURAL_TOKENS = MIN_NATURAL_TOKENS + NATURAL_TOKENS_SPREAD + 11;

export type FinishReason = "stop" | "length";

export interface Generation {
  /** Indices into PIECES of the pieces sent whole. */
  pieces: Uint8Array;
  count: number;
  /** The start of the piece a stop sequence cut into ("" when none was cut). */
  tail: string;
  completionTokens: number;
  finishReason: FinishReason;
  /** The stop sequence that ended the reply, as vLLM reports it. */
  stopReason: string | null;
}

export interface GenerationRequest {
  seed: number;
  /** Most tokens the reply may have: max_tokens, or what the context window leaves. */
  limit: number;
  stop: readonly string[];
}

/** One sentence: Opener [adjective] noun verb determiner [adjective] noun [preposition determiner noun]. */
function writeSentence(
  random: () => number,
  out: Uint8Array,
  start: number,
  first: boolean,
): number {
  let at = start;
  const pick = (base: number, size: number): void => {
    out[at++] = base + Math.floor(random() * size);
  };
  pick(first ? FIRST_OPENER : OPENER, OPENERS.length);
  if (random() < 0.5) pick(ADJECTIVE, ADJECTIVES.length);
  pick(NOUN, NOUNS.length);
  pick(VERB, VERBS.length);
  pick(DETERMINER, DETERMINERS.length);
  if (random() < 0.3) pick(ADJECTIVE, ADJECTIVES.length);
  pick(NOUN, NOUNS.length);
  if (random() < 0.5) {
    pick(PREPOSITION, PREPOSITIONS.length);
    pick(DETERMINER, DETERMINERS.length);
    pick(NOUN, NOUNS.length);
  }
  out[at++] = PERIOD;
  return at;
}

/** The reply for a seed: the same seed and limits always give the same pieces. */
export function generate({ seed, limit, stop }: GenerationRequest): Generation {
  const random = createRandom(seed);
  const natural = MIN_NATURAL_TOKENS + Math.floor(random() * NATURAL_TOKENS_SPREAD);
  const sentences = new Uint8Array(MAX_NATURAL_TOKENS);
  let length = 0;
  while (length < natural) length = writeSentence(random, sentences, length, length === 0);

  const truncated = length > limit;
  const pieces = truncated ? sentences.subarray(0, limit) : sentences.subarray(0, length);
  const generation: Generation = {
    pieces,
    count: pieces.length,
    tail: "",
    completionTokens: pieces.length,
    finishReason: truncated ? "length" : "stop",
    stopReason: null,
  };
  return stop.length === 0 ? generation : applyStop(generation, stop);
}

/** Cuts the reply before the first stop sequence it contains, as vLLM does (not included). */
function applyStop(generation: Generation, stop: readonly string[]): Generation {
  let text = "";
  for (let index = 0; index < generation.count; index++) {
    text += PIECES[generation.pieces[index]!];
  }
  let cutAt = -1;
  let matched: string | null = null;
  for (const sequence of stop) {
    if (sequence.length === 0) continue;
    const found = text.indexOf(sequence);
    if (found >= 0 && (cutAt < 0 || found < cutAt)) {
      cutAt = found;
      matched = sequence;
    }
  }
  if (matched === null) return generation;

  const matchEnd = cutAt + matched.length;
  let offset = 0;
  let whole = 0;
  let tokensThroughStop = 0;
  for (let index = 0; index < generation.count; index++) {
    const piece = PIECES[generation.pieces[index]!]!;
    if (offset + piece.length <= cutAt) whole = index + 1;
    if (offset < matchEnd) tokensThroughStop = index + 1;
    offset += piece.length;
  }
  let wholeEnd = 0;
  for (let index = 0; index < whole; index++) wholeEnd += PIECES[generation.pieces[index]!]!.length;
  return {
    pieces: generation.pieces.subarray(0, whole),
    count: whole,
    tail: text.slice(wholeEnd, cutAt),
    completionTokens: tokensThroughStop,
    finishReason: "stop",
    stopReason: matched,
  };
}

/** The text of a generation, for non-streamed replies. */
export function generationText(generation: Generation): string {
  let text = "";
  for (let index = 0; index < generation.count; index++) {
    text += PIECES[generation.pieces[index]!];
  }
  return text + generation.tail;
}
