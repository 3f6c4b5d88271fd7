import type { Logger } from "./logger";

/**
 * While a dependency is away, clients report the same connection error several times a second.
 * This logs each distinct message once per window so the log stays readable.
 */
export function createRepeatFilter(log: Logger, windowMs = 30_000) {
  const lastLogged = new Map<string, number>();
  return (message: string, error: Error): void => {
    const key = `${message}: ${error.message}`;
    const now = Date.now();
    const previous = lastLogged.get(key);
    if (previous !== undefined && now - previous < windowMs) return;
    lastLogged.set(key, now);
    log.warn(message, { error: error.message });
  };
}
