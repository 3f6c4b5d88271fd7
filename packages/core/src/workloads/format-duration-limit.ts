/**
 * Pure: a limit on time as people say it — "7 days", "1 hour", "1 minute", "90 seconds" — in
 * the largest unit that says it exactly. For bounds in messages; job durations are shown by the
 * web tier's own formatter.
 */
export function formatDurationLimit(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count.toLocaleString("en-GB")} ${name}${count === 1 ? "" : "s"}`;
    }
  }
  return `${seconds.toLocaleString("en-GB")} second${seconds === 1 ? "" : "s"}`;
}
