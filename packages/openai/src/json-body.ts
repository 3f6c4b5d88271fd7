import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

/**
 * Reads and parses a JSON body, refusing one over the limit before buffering it. Events rather
 * than async iteration: leaving an iterator early destroys the socket, and with it the 413.
 * Resolves with the parsed value and the raw bytes (a proxy may forward them unchanged).
 */
export function readJsonBody(
  request: IncomingMessage,
  limit: number,
): Promise<{ value: unknown; bytes: Buffer }> {
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("close", onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      if (size === 0) {
        reject(new ApiError(400, "invalid_json", "The request body is empty."));
        return;
      }
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      try {
        // Invalid UTF-8 decodes to U+FFFD, as in any lenient JSON server; lone surrogates
        // escaped as \ud800 parse to lone surrogates, which every later step tolerates.
        resolve({ value: JSON.parse(bytes.toString("utf8")) as unknown, bytes });
      } catch {
        reject(new ApiError(400, "invalid_json", "The request body is not valid JSON."));
      }
    };
    const onClose = (): void => {
      stop();
      reject(new ApiError(400, "incomplete_body", "The client closed the request early."));
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("close", onClose);
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    "request_too_large",
    `The request body is larger than this server accepts (${limit} bytes).`,
  );
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers?: Record<string, string>,
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}
