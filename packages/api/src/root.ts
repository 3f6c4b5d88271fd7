import { adminRouter } from "./routers/admin";
import { allocationsRouter } from "./routers/allocations";
import { applicationsRouter } from "./routers/applications";
import { auditRouter } from "./routers/audit";
import { billingRouter } from "./routers/billing";
import { catalogueRouter } from "./routers/catalogue";
import { homeRouter } from "./routers/home";
import { invitationsRouter } from "./routers/invitations";
import { jobTemplatesRouter } from "./routers/job-templates";
import { meRouter } from "./routers/me";
import { membersRouter } from "./routers/members";
import { notificationsRouter } from "./routers/notifications";
import { operationsRouter } from "./routers/operations";
import { organizationsRouter } from "./routers/organizations";
import { programmesRouter } from "./routers/programmes";
import { projectsRouter } from "./routers/projects";
import { reviewsRouter } from "./routers/reviews";
import { workloadsRouter } from "./routers/workloads";
import { endpointsRouter } from "./routers/endpoints";
import { modelsRouter } from "./routers/models";
import { apiKeysRouter } from "./routers/api-keys";
import { stateAidRouter } from "./routers/state-aid";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  organizations: organizationsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  projects: projectsRouter,
  audit: auditRouter,
  admin: adminRouter,
  catalogue: catalogueRouter,
  programmes: programmesRouter,
  applications: applicationsRouter,
  reviews: reviewsRouter,
  allocations: allocationsRouter,
  notifications: notificationsRouter,
  home: homeRouter,
  workloads: workloadsRouter,
  endpoints: endpointsRouter,
  apiKeys: apiKeysRouter,
  models: modelsRouter,
  jobTemplates: jobTemplatesRouter,
  operations: operationsRouter,
  billing: billingRouter,
  stateAid: stateAidRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller: `createCaller(createContext({ headers, user }))`. */
export const createCaller = createCallerFactory(appRouter);
