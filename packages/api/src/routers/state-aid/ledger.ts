import { z } from "zod";
import { listStateAidLedger } from "@tessera/core";
import { pageInput, rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { dayInput, groupIdInput, stateAidEntryKindInput } from "./inputs";

export const stateAidLedgerFilterInput = {
  kind: stateAidEntryKindInput.nullish(),
  organizationId: rowId("organisation").nullish(),
  groupId: groupIdInput.nullish(),
  from: dayInput("The first day").nullish(),
  to: dayInput("The last day").nullish(),
};

export const stateAidLedgerInput = z.object({ ...pageInput, ...stateAidLedgerFilterInput });

/** The de minimis ledger, newest grant first, as booked. */
export const stateAidLedgerProcedure = platformProcedure("stateAid.read")
  .input(stateAidLedgerInput)
  .query(({ ctx, input }) => listStateAidLedger(ctx.db, input));
