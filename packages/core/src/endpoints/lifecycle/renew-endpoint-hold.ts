import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { AppError } from "../../errors";
import { formatUnitHours } from "../../quota/format-unit-hours";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { ENDPOINT_OUTBOX } from "../endpoint-outbox";
import { lockEndpoint, type EndpointRecordRef } from "./lock-endpoint";
import { recordEndpointChange } from "./record-endpoint-change";
import { reholdEndpoint } from "./rehold-endpoint";

export type RenewOutcome =
  | { outcome: "not-due" | "holds-nothing" }
  | { outcome: "renewed"; settledUnitSeconds: number; heldUnitSeconds: number }
  | { outcome: "out-of-quota"; reason: string };

/**
 * Renews a running endpoint's hold once half its lease window has passed: the hold is settled to
 * the replica-seconds observed in it, the rest released, and a new hold for a whole window placed
 * (reholdEndpoint). When the allocation cannot cover another window (quota spent, or the
 * allocation expired), the endpoint is scaled to
 * zero instead — holding nothing — with the shortfall as its reason, a timeline entry, an audit
 * event and the outbox event that scales it on the cluster. Safe to run twice: the second run
 * finds the window just started.
 */
export async function renewEndpointHold(
  database: Database,
  ref: EndpointRecordRef,
  now: Date = new Date(),
): Promise<RenewOutcome> {
  return tenantScoped(database, ref.organizationId).$transaction(
    async (tx: TenantTransaction): Promise<RenewOutcome> => {
      const endpoint = await lockEndpoint(tx, ref);
      if (!endpoint.holdId || !endpoint.leaseStartedAt || endpoint.desiredReplicas === 0) {
        return { outcome: "holds-nothing" };
      }
      if (
        !["DEPLOYING", "READY", "DEGRADED", "SCALED_TO_ZERO", "ACCEPTED"].includes(endpoint.status)
      ) {
        return { outcome: "holds-nothing" };
      }
      const dueAt = endpoint.leaseStartedAt.getTime() + (endpoint.leaseSeconds * 1000) / 2;
      if (now.getTime() < dueAt) return { outcome: "not-due" };
      try {
        const rehold = await reholdEndpoint(
          tx,
          endpoint,
          endpoint.desiredReplicas,
          SYSTEM_ACTOR,
          now,
        );
        return { outcome: "renewed", ...rehold };
      } catch (error) {
        // Out of quota, or the allocation has expired: either way no new window can be held.
        if (!(error instanceof AppError) || error.code !== "PRECONDITION_FAILED") throw error;
        // The refused hold wrote nothing (its conditional UPDATE admitted no row), and the
        // settlement before it stands: the endpoint goes to zero holding nothing.
        const settled = await reholdEndpoint(tx, endpoint, 0, SYSTEM_ACTOR, now);
        await tx.endpoint.update({ where: { workloadId: ref.id }, data: { desiredReplicas: 0 } });
        const reason = `No quota for another lease window: ${error.message}`;
        await recordEndpointChange(tx, SYSTEM_ACTOR, {
          endpoint,
          status: endpoint.status,
          reason: "QuotaExhausted",
          message: `Scaled to zero: the allocation cannot cover another lease window (${formatUnitHours(settled.settledUnitSeconds, endpoint.unit)} used in the last one). ${error.message}`,
          outbox: ENDPOINT_OUTBOX.scale,
          audit: {
            action: "endpoint.scaled_to_zero",
            data: {
              from: endpoint.desiredReplicas,
              to: 0,
              reason,
              settledUnitSeconds: settled.settledUnitSeconds,
            },
          },
        });
        return { outcome: "out-of-quota", reason };
      }
    },
    TX_OPTIONS,
  );
}
