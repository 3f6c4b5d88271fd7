const CONTENT = Buffer.from('"content":"');
const TEXT = Buffer.from('"text":"');
const QUOTE = 0x22;

function markerWithText(event: Buffer, marker: Buffer): boolean {
  let at = event.indexOf(marker);
  while (at >= 0) {
    const next = at + marker.length;
    if (next < event.length && event[next] !== QUOTE) return true;
    at = event.indexOf(marker, next);
  }
  return false;
}

/**
 * Whether a server-sent event of a chat or text completion carries generated text: a `content` or
 * `text` string that is not empty. The opening chunk (`"delta":{"role":"assistant","content":""}`,
 * as vLLM sends it before any token) does not, so time to first token is not the time to that.
 * A byte search, no JSON parse: it runs on every event of every stream.
 */
export function carriesText(event: Buffer): boolean {
  return markerWithText(event, CONTENT) || markerWithText(event, TEXT);
}
