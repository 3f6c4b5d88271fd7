/**
 * The demo seed tells a dated story (the platform set up, organisations registering, programmes
 * opening calls, applications drafted, submitted and decided) through the domain functions, each
 * step at its own date. The audit log is a hash chain in the order events are appended, and its
 * history is never rewritten: so the steps are run in date order, and the log's order and its
 * dates agree.
 */

/** One step of the story: a domain call that records everything it does at `at`. */
export interface StoryStep {
  at: Date;
  run: () => Promise<unknown>;
}

/**
 * Runs the steps one at a time in date order; steps of the same date in the order given, so a
 * step may depend on one given before it on the same date (a model's tier on its class).
 */
export async function tellStory(steps: readonly StoryStep[]): Promise<void> {
  // Array.prototype.sort is stable: equal dates keep the order given.
  const ordered = [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of ordered) await step.run();
}
