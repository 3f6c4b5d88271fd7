/**
 * Pure: shares a whole number of minor units out in proportion to weights so that the shares add
 * up to the total exactly — each share is rounded down, and the units left over go one each to
 * the largest remainders (ties to the earlier weight). A negative total is shared as its
 * magnitude and negated. With no weight at all, the first share takes the whole total.
 */
export function apportion(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) {
    if (total !== 0n) throw new RangeError("A non-zero total needs at least one weight");
    return [];
  }
  if (weights.some((weight) => weight < 0n)) throw new RangeError("Weights must not be negative");
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map((_, index) => (index === 0 ? total : 0n));
  const shares = weights.map((weight) => (magnitude * weight) / sum);
  const remainders = weights.map((weight, index) => ({ index, rest: (magnitude * weight) % sum }));
  let left = magnitude - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return negative ? shares.map((share) => -share) : shares;
}
