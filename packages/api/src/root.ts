import { adminRouter } from "./routers/admin";
import { auditRouter } from "./routers/audit";
import { invitationsRouter } from "./routers/invitations";
import { meRouter } from "./routers/me";
import { membersRouter } from "./routers/members";
import { organizationsRouter } from "./routers/organizations";
import { projectsRouter } from "./routers/projects";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  organizations: organizationsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  projects: projectsRouter,
  audit: auditRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller: `createCaller(createContext({ headers, user }))`. */
export const createCaller = createCallerFactory(appRouter);
