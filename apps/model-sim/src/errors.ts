/**
 * An error a client caused, answered in the OpenAI envelope
 * `{"error":{"message","type","param","code"}}`. `code` is a string as OpenAI sends it
 * (vLLM puts the HTTP status number there; clients read both).
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 422,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorBody(error: ApiError): string {
  return JSON.stringify({
    error: {
      message: error.message,
      type: "invalid_request_error",
      param: error.param,
      code: error.code,
    },
  });
}

export function modelNotFound(model: string): ApiError {
  return new ApiError(404, "model_not_found", `The model \`${model}\` does not exist.`, "model");
}
