import { createTRPCRouter } from "../../trpc";
import { createOrganizationProcedure } from "./create";
import { getOrganizationProcedure } from "./get";
import { updateOrganizationProcedure } from "./update";

export const organizationsRouter = createTRPCRouter({
  create: createOrganizationProcedure,
  get: getOrganizationProcedure,
  update: updateOrganizationProcedure,
});
