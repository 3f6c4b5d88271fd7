import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { StateAidLedgerFilter } from "./list-state-aid-ledger";

/** Downloading the register export is itself recorded in the audit chain. */
export async function recordStateAidExport(
  database: Database,
  actor: Actor,
  filter: StateAidLedgerFilter,
): Promise<void> {
  await database.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "state_aid.exported",
      targetType: "StateAidLedger",
      data: { filter: { ...filter } },
    }),
  );
}
