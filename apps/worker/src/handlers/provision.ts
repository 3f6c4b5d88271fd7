import { UnrecoverableError } from "bullmq";
import { isDriverError, provisionTenant, type ProvisionedTenant } from "@tessera/core";
import type { HandlerContext } from "./context";

/**
 * Creates or updates an organisation's account on a cluster. A refusal by the backend will not
 * get better by retrying: it goes straight to the dead letters for an operator.
 */
export async function handleProvision(
  context: HandlerContext,
  payload: { organizationId: string; clusterId: string },
): Promise<ProvisionedTenant> {
  const driver = await context.drivers.driverFor(payload.clusterId);
  try {
    return await provisionTenant(context.database, driver, payload);
  } catch (error) {
    if (isDriverError(error) && !error.retryable) throw new UnrecoverableError(error.message);
    throw error;
  }
}
