/**
 * How long a launch's statement waits for company when it finds its line idle (RawBatch.lingerMs).
 * A worker takes its queue's jobs one by one, a few hundred microseconds apart, so the launches of
 * one relay round reach the launch handler staggered; a millisecond lets the ones right behind
 * share the first one's statement. Measured with `pnpm bench:dispatch` (bench/dispatch/README.md):
 * 0 ms 449–515, 1 ms 494–674, 2 ms 520–524 launches/s.
 */
export const LAUNCH_BATCH_LINGER_MS = 1;
