import { sealQuotaLedger } from "@tessera/core";
import type { HandlerContext } from "./context";

/** The `seal-ledger` sweep: seals the quota ledger's new entries into the audit chain. */
export async function handleSealLedger(context: HandlerContext): Promise<{ sealed: number }> {
  const { sealed } = await sealQuotaLedger(context.database);
  return { sealed };
}
