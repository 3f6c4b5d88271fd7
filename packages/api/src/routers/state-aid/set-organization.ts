import { z } from "zod";
import { setOrganizationStateAid } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { groupIdInput } from "./inputs";

export const setOrganizationStateAidInput = z.object({
  organizationId: rowId("organisation"),
  actsEconomically: z.boolean({ error: "Say whether the organisation acts economically." }),
  stateAidGroupId: groupIdInput.nullable(),
});

/** Whether a university or public body acts economically, and the group it belongs to. Audited. */
export const setOrganizationStateAidProcedure = platformProcedure("stateAid.manage")
  .input(setOrganizationStateAidInput)
  .mutation(({ ctx, input }) => setOrganizationStateAid(ctx.db, ctx.actor, input));
