export { clientAddress } from "./client-address";
export {
  createContext,
  type Context,
  type CreateContextOptions,
  type SessionUser,
} from "./context";
export {
  authedProcedure,
  createCallerFactory,
  createTRPCRouter,
  platformProcedure,
  publicProcedure,
  tenantProcedure,
  verifiedTenantProcedure,
  type Meta,
} from "./trpc";
export { appRouter, createCaller, type AppRouter } from "./root";
export {
  closeRateLimiter,
  enforceRateLimit,
  rateLimit,
  retryAfterText,
  type RateLimitResult,
} from "./rate-limit";
