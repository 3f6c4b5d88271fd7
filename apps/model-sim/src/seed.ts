/** FNV-1a over UTF-16 code units: any string hashes, lone surrogates included, with no copy. */
export function hashText(text: string, hash = 0x811c9dc5): number {
  let state = hash;
  for (let index = 0; index < text.length; index++) {
    state ^= text.charCodeAt(index);
    state = Math.imul(state, 0x01000193);
  }
  return state >>> 0;
}

export function hashNumbers(values: readonly number[], hash = 0x811c9dc5): number {
  let state = hash;
  for (const value of values) {
    state ^= value & 0xffff;
    state = Math.imul(state, 0x01000193);
    state ^= value >>> 16;
    state = Math.imul(state, 0x01000193);
  }
  return state >>> 0;
}

/** mulberry32: a small, fast, well-spread generator; the same seed gives the same sequence. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
