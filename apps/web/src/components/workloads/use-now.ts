"use client";

import { useSyncExternalStore } from "react";

/** How often live pages ask for news while something is still moving. */
export const LIVE_REFRESH_MS = 2_000;
/** How often running jobs' use and cost so far are asked for again: as Billing refreshes them. */
export const USAGE_SO_FAR_REFRESH_MS = 15_000;
const TICK_MS = 1_000;

let now = Date.now();

function subscribeTicking(onChange: () => void): () => void {
  now = Date.now();
  const timer = setInterval(() => {
    now = Date.now();
    onChange();
  }, TICK_MS);
  return () => clearInterval(timer);
}

function subscribeStill(): () => void {
  now = Date.now();
  return () => undefined;
}

/**
 * The current time in milliseconds, ticking every second while `ticking`. On the server and
 * while hydrating it is null, so the server's HTML and the first client render agree; elapsed
 * times appear once the page runs in the browser.
 */
export function useNow(ticking: boolean): number | null {
  return useSyncExternalStore<number | null>(
    ticking ? subscribeTicking : subscribeStill,
    () => now,
    () => null,
  );
}
