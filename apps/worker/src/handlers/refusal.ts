import { isDriverError } from "@tessera/core";

/** The backend (or the worker, on its behalf) will not do this: no retry will help. */
export class Refusal extends Error {}

/** A non-retryable driver error becomes a Refusal (its message after `prefix`); anything else is thrown for a retry. */
export async function refusingOn<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDriverError(error) && !error.retryable) throw new Refusal(`${prefix}${error.message}`);
    throw error;
  }
}
