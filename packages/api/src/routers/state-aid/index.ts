import { createTRPCRouter } from "../../trpc";
import { createUndertakingGroupProcedure, listUndertakingGroupsProcedure } from "./groups";
import { stateAidLedgerProcedure } from "./ledger";
import { setOrganizationStateAidProcedure } from "./set-organization";
import { undertakingStandingProcedure } from "./standing";
import { listUndertakingsProcedure } from "./undertakings";

export const stateAidRouter = createTRPCRouter({
  undertakings: listUndertakingsProcedure,
  ledger: stateAidLedgerProcedure,
  standing: undertakingStandingProcedure,
  groups: listUndertakingGroupsProcedure,
  createGroup: createUndertakingGroupProcedure,
  setOrganization: setOrganizationStateAidProcedure,
});
