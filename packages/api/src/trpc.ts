import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z, ZodError } from "zod";
import {
  AppError,
  describeVerificationStatus,
  findMembership,
  notFound,
  platformRolesMay,
  roleMay,
  roleRefusal,
  type AppErrorCode,
  type OrganizationAction,
  type PlatformAction,
} from "@tessera/core";
import { tenantScoped } from "@tessera/db";
import type { Context } from "./context";
import { plainFieldErrors, readableZodMessage } from "./input-messages";
import {
  findMalformedText,
  MALFORMED_JSON_MESSAGE,
  malformedTextError,
  tesseraTransformer,
} from "./well-formed-input";

/**
 * Procedure metadata. `scope` lets the test suite enumerate every tenant-scoped procedure and
 * insist that each has an outsider case.
 */
export interface Meta {
  scope?: "public" | "authed" | "tenant" | "platform";
  action?: OrganizationAction | PlatformAction;
}

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

/**
 * A domain error about one field (its details name it) goes beside that field in a form, as an
 * input error would.
 */
function domainFieldErrors(error: TRPCError): Record<string, string[]> | null {
  const cause = error.cause;
  if (!(cause instanceof AppError)) return null;
  const field = cause.details?.field;
  return typeof field === "string" ? { [field]: [cause.message] } : null;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: tesseraTransformer,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        message: zodError
          ? readableZodMessage(zodError)
          : // A body or ?input= that is not JSON: the parser's own words are not for the caller.
            error.cause instanceof SyntaxError
            ? MALFORMED_JSON_MESSAGE
            : error.code === "INTERNAL_SERVER_ERROR"
              ? // Unexpected errors may carry database or driver details; the caller gets a plain message.
                "Something went wrong on our side. Please try again; if it keeps happening, contact support."
              : shape.message,
        data: {
          ...shape.data,
          // Never leak stack traces, even in development responses.
          stack: undefined,
          fieldErrors: zodError ? plainFieldErrors(zodError) : domainFieldErrors(error),
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Maps domain errors to tRPC codes and gives input errors their readable message (for server-side
 * callers too, not only HTTP responses); anything unexpected stays an INTERNAL_SERVER_ERROR.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  if (!result.ok && result.error.cause instanceof ZodError) {
    const cause = result.error.cause;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: readableZodMessage(cause),
      cause,
    });
  }
  return result;
});

/**
 * Text that is not valid Unicode (an unpaired surrogate) is refused here, once for every field of
 * every procedure, before any schema or the database sees it.
 */
const wellFormedInput = t.middleware(async ({ getRawInput, next }) => {
  if (findMalformedText(await getRawInput()) !== null) throw malformedTextError();
  return next();
});

export const publicProcedure = t.procedure
  .use(domainErrors)
  .use(wellFormedInput)
  .meta({ scope: "public" });

export const authedProcedure = publicProcedure.meta({ scope: "authed" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { user: ctx.user } });
});

export const organizationIdInput = z.object({
  organizationId: z
    .string({ error: "Choose an organisation." })
    .trim()
    .min(1, "Choose an organisation.")
    .max(64, "That is not a valid organisation id.")
    .regex(/^[A-Za-z0-9_-]+$/, "That is not a valid organisation id."),
});

/**
 * Tenant procedures resolve the organisation from the input, check membership and the action's
 * permission, and hand the handler a database client scoped to that organisation. A user who is
 * not a member gets NOT_FOUND — the same answer as for an organisation that does not exist.
 */
export function tenantProcedure(action: OrganizationAction) {
  return authedProcedure
    .meta({ scope: "tenant", action })
    .input(organizationIdInput)
    .use(async ({ ctx, input, next }) => {
      const membership = await findMembership(ctx.db, {
        organizationId: input.organizationId,
        userId: ctx.user.id,
      });
      if (!membership) throw notFound("Organisation");
      if (!roleMay(membership.role, action)) {
        throw new AppError("FORBIDDEN", roleRefusal(membership.role));
      }
      return next({
        ctx: {
          tenant: {
            organization: membership.organization,
            membership,
            role: membership.role,
            db: tenantScoped(ctx.db, membership.organizationId),
          },
        },
      });
    });
}

/** Platform procedures check the user's platform roles against the platform permission table. */
export function platformProcedure(action: PlatformAction) {
  return authedProcedure.meta({ scope: "platform", action }).use(({ ctx, next }) => {
    if (!platformRolesMay(ctx.user.platformRoles, action)) {
      throw new AppError("FORBIDDEN", "This needs a platform role you do not hold.");
    }
    return next();
  });
}

/**
 * Tenant procedures for things only a verified organisation may do (apply for compute, launch
 * workloads). Members of a pending, rejected or suspended organisation get a clear refusal.
 */
export function verifiedTenantProcedure(action: OrganizationAction) {
  return tenantProcedure(action).use(({ ctx, next }) => {
    const status = ctx.tenant.organization.status;
    if (status !== "VERIFIED") {
      throw new AppError(
        "PRECONDITION_FAILED",
        `Your organisation must be verified before you can do this. It is currently ${describeVerificationStatus(status)}.`,
      );
    }
    return next();
  });
}
