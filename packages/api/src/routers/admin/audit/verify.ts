import { verifyAuditChain } from "@tessera/core";
import { noInput } from "../../../schemas";
import { platformProcedure } from "../../../trpc";

export const verifyAuditInput = noInput;

export const verifyAuditProcedure = platformProcedure("audit.readAll")
  .input(verifyAuditInput)
  .query(async ({ ctx }) => {
    const verdict = await verifyAuditChain(ctx.db);
    return verdict.ok
      ? { ok: true, checked: verdict.checked, brokenAt: null, reason: null }
      : {
          ok: false,
          checked: verdict.checked,
          brokenAt: verdict.brokenAt.toString(),
          reason: verdict.reason,
        };
  });
