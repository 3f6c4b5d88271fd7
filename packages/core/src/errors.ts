/**
 * Domain errors. The domain throws these with a code; only the API edge maps a code to a tRPC or
 * HTTP status. Messages are written for the person who sees them.
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID",
  "PRECONDITION_FAILED",
  "RATE_LIMITED",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The one message a stranger gets for a row they may not see, whether it exists or not. */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}

export function preconditionFailed(message: string): AppError {
  return new AppError("PRECONDITION_FAILED", message);
}
