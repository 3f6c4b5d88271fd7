/** The statuses an OpenAI-compatible server answers a client's mistake or a refusal with. */
export type ApiErrorStatus = 400 | 401 | 402 | 403 | 404 | 405 | 413 | 422 | 429 | 502 | 503;

/** OpenAI's `error.type` for each status, as its own API sends them. */
const TYPE_OF: Record<ApiErrorStatus, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "insufficient_quota",
  403: "permission_error",
  404: "invalid_request_error",
  405: "invalid_request_error",
  413: "invalid_request_error",
  422: "invalid_request_error",
  429: "rate_limit_error",
  502: "server_error",
  503: "service_unavailable",
};

/**
 * An error answered in the OpenAI envelope `{"error":{"message","type","param","code"}}`.
 * `code` is a string as OpenAI sends it (vLLM puts the HTTP status number there; clients read
 * both).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    /** Headers the answer carries (Retry-After, rate-limit state). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get type(): string {
    return TYPE_OF[this.status];
  }
}

export function errorBody(error: ApiError): string {
  return JSON.stringify({
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  });
}

export function modelNotFound(model: string): ApiError {
  return new ApiError(404, "model_not_found", `The model \`${model}\` does not exist.`, "model");
}
