import { createRandom } from "./seed";

/**
 * A deterministic unit vector for a seed: the same input always embeds to the same vector, and
 * different inputs to (almost surely) different ones. It carries no meaning: similar texts are
 * not near each other, which is all a simulator can honestly promise.
 */
export function embedding(seed: number, dimensions: number): Float32Array {
  const random = createRandom(seed);
  const vector = new Float32Array(dimensions);
  let squares = 0;
  for (let index = 0; index < dimensions; index++) {
    const value = random() * 2 - 1;
    vector[index] = value;
    squares += value * value;
  }
  // A zero vector is as likely as winning the lottery twice; keep it a unit vector anyway.
  const norm = Math.sqrt(squares) || 1;
  if (squares === 0) vector[0] = 1;
  for (let index = 0; index < dimensions; index++) vector[index] = vector[index]! / norm;
  return vector;
}

/** `[0.1,-0.2,…]` without building an intermediate array of numbers. */
export function vectorJson(vector: Float32Array): string {
  let json = "[";
  for (let index = 0; index < vector.length; index++) {
    if (index > 0) json += ",";
    json += String(vector[index]);
  }
  return `${json}]`;
}

/** OpenAI's `encoding_format: "base64"`: the little-endian float32 bytes, base64-encoded. */
export function vectorBase64(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
}
