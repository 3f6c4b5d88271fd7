import { createTRPCRouter } from "../../trpc";
import { addProgrammeCallProcedure } from "./admin-add-call";
import { createProgrammeProcedure } from "./admin-create";
import { programmeDashboardProcedure } from "./admin-dashboard";
import { getProgrammeForAdminProcedure } from "./admin-get";
import { listProgrammesForAdminProcedure } from "./admin-list";
import { updateProgrammeProcedure } from "./admin-update";
import { updateProgrammeCallProcedure } from "./admin-update-call";
import { browseProgrammesProcedure } from "./browse";
import { getProgrammeProcedure } from "./get";
import { listOpenProgrammesProcedure } from "./list";

export const programmesRouter = createTRPCRouter({
  list: listOpenProgrammesProcedure,
  browse: browseProgrammesProcedure,
  get: getProgrammeProcedure,
  admin: createTRPCRouter({
    list: listProgrammesForAdminProcedure,
    get: getProgrammeForAdminProcedure,
    create: createProgrammeProcedure,
    update: updateProgrammeProcedure,
    addCall: addProgrammeCallProcedure,
    updateCall: updateProgrammeCallProcedure,
    dashboard: programmeDashboardProcedure,
  }),
});
