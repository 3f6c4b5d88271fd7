export { createContext, type Context, type CreateContextOptions, type SessionUser } from "./context";
export {
  authedProcedure,
  createCallerFactory,
  createTRPCRouter,
  platformProcedure,
  publicProcedure,
  tenantProcedure,
  type Meta,
} from "./trpc";
