import { countTokens } from "gpt-tokenizer/encoding/o200k_base";

/**
 * Token counts come from a real BPE tokenizer (o200k_base, from gpt-tokenizer). Special-token
 * strings such as `<|endoftext|>` in a prompt are counted as the plain text they are, never
 * as control tokens, and never make the count throw.
 */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Byte-pair merging is superlinear in the length of one pre-tokenized word, so a prompt of
 * 200,000 letters without a space would hold the event loop for most of a minute. Runs
 * without white space longer than this are counted in slices of this size: exact for any text
 * whose words are shorter, a close estimate for the rest (base64 blobs, unspaced scripts).
 */
export const MAX_UNSPACED_RUN = 256;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

/** Tokens in a piece of text, bounded in time whatever the text. */
export function countTextTokens(text: string): number {
  let total = 0;
  let sliceStart = 0;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isSpace(code)) {
      run = 0;
      continue;
    }
    run++;
    // Never cut a surrogate pair in two.
    if (run >= MAX_UNSPACED_RUN && !(code >= 0xd800 && code <= 0xdbff)) {
      total += countTokens(text.slice(sliceStart, index + 1), PLAIN_TEXT);
      sliceStart = index + 1;
      run = 0;
    }
  }
  if (sliceStart === 0) return countTokens(text, PLAIN_TEXT);
  return sliceStart < text.length ? total + countTokens(text.slice(sliceStart), PLAIN_TEXT) : total;
}

/**
 * The simulated model's chat template is ChatML: `<|im_start|>{role}\n{content}<|im_end|>\n`
 * per message, and `<|im_start|>assistant\n` to prime the reply. Each message therefore costs
 * its role's and content's tokens plus four template tokens; the priming costs three.
 */
export const CHAT_TOKENS_PER_MESSAGE = 4;
export const CHAT_REPLY_PRIMING_TOKENS = 3;
