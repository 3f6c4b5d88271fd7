import { z } from "zod";
import { listAuditEvents } from "@tessera/core";
import { auditActionInput, pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const listAuditInput = z.object({ ...pageInput, action: auditActionInput.nullish() });

export const listAuditProcedure = tenantProcedure("audit.read")
  .input(listAuditInput)
  .query(({ ctx, input }) =>
    listAuditEvents(ctx.tenant, { cursor: input.cursor, limit: input.limit, action: input.action }),
  );
