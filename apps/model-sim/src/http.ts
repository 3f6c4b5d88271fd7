import type { ServerResponse } from "node:http";
import { type ApiError, errorBody, sendJson } from "@tessera/openai";

export const SERVER_NAME = "tessera-model-sim";

export function sendError(response: ServerResponse, error: ApiError, allow?: string): void {
  if (response.headersSent || response.destroyed) return;
  // A refused body may still be arriving: close the connection rather than read it all.
  if (error.status === 413) response.setHeader("connection", "close");
  if (allow !== undefined) response.setHeader("allow", allow);
  sendJson(response, error.status, errorBody(error));
}
