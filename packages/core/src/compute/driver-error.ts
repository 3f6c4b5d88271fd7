/**
 * A driver failure. `retryable` says whether trying again may help (network, 5xx, controller
 * restarting) or not (the backend refused the request: unknown account, bad partition, invalid
 * script) — the worker retries the first kind with backoff and marks the workload REFUSED on the
 * second, releasing its hold.
 */
export class DriverError extends Error {
  override readonly name = "DriverError";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isDriverError(error: unknown): error is DriverError {
  return error instanceof DriverError;
}
