import { z } from "zod";
import { listAllAuditEvents } from "@tessera/core";
import { auditActionInput, pageInput, rowId, text } from "../../../schemas";
import { platformProcedure } from "../../../trpc";

// Bounded so that a typo such as year 20260 is a clear input error, not a database one.
const auditDate = (label: string) =>
  z.coerce
    .date({ error: `${label} must be a date.` })
    .min(new Date("2000-01-01T00:00:00Z"), `${label} must be after the year 2000.`)
    .max(new Date("9999-12-31T00:00:00Z"), `${label} is too far in the future.`);

export const listAllAuditInput = z.object({
  ...pageInput,
  organizationId: rowId("organisation").nullish(),
  organization: text("Organisation", 200, 0).nullish(),
  actorEmail: text("Actor email", 254, 0).nullish(),
  action: auditActionInput.nullish(),
  from: auditDate("From").nullish(),
  to: auditDate("To").nullish(),
});

export const listAllAuditProcedure = platformProcedure("audit.readAll")
  .input(listAllAuditInput)
  .query(({ ctx, input }) => listAllAuditEvents(ctx.db, input));
