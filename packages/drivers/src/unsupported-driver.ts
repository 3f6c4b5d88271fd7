import { DriverError, type ComputeDriver } from "@tessera/core";
import type { ClusterKind } from "@tessera/db";

/** A cluster kind with no driver yet: every call is refused (not retryable) with the reason. */
export function createUnsupportedDriver(kind: ClusterKind, message: string): ComputeDriver {
  const refuse = (): Promise<never> => Promise.reject(new DriverError(message, false));
  return {
    kind,
    submit: refuse,
    cancel: refuse,
    describe: refuse,
    listActive: refuse,
    usage: refuse,
    ensureTenant: refuse,
    outputTail: refuse,
  };
}
