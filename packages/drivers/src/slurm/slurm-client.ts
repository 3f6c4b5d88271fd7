import { DriverError } from "@tessera/core";
import type { z } from "zod";
import type { SlurmTokenSource } from "./jwt";
import { slurmEnvelopeSchema, type SlurmApiError } from "./schemas";
import { slurmErrorCode, slurmFailure } from "./slurm-errors";

export interface SlurmAnswer<T> {
  status: number;
  body: T;
  errors: SlurmApiError[];
}

export interface SlurmClientOptions {
  /** slurmrestd's base URL (Cluster.endpoint), e.g. http://127.0.0.1:6820. */
  baseUrl: string;
  tokens: SlurmTokenSource;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * HTTP to slurmrestd: JWT headers, a timeout, JSON, and a zod check of the answer. It throws only
 * for what no caller can use (network errors, timeouts, answers that are not slurmrestd's JSON) —
 * always retryable; callers classify Slurm's own errors (see slurmFailure).
 */
export class SlurmClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: SlurmClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async request<S extends z.ZodType>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    schema: S,
    options: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<SlurmAnswer<z.infer<S>>> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(name, value);
    }
    const headers: Record<string, string> = {
      Accept: "application/json",
      "X-SLURM-USER-NAME": this.options.tokens.userName,
      "X-SLURM-USER-TOKEN": await this.options.tokens.token(),
    };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const where = `${method} ${url.pathname}`;

    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason =
        (error as Error).name === "TimeoutError"
          ? `no answer within ${this.timeoutMs} ms`
          : describeNetworkError(error);
      throw new DriverError(
        `slurmrestd at ${this.baseUrl} is unreachable (${where}): ${reason}`,
        true,
      );
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // slurmrestd answers unparsable queries with plain text ("Unable to parse query.", 400).
      this.afterFailure(response.status, []);
      const snippet = text.trim().slice(0, 200) || "empty body";
      throw new DriverError(
        `slurmrestd answered ${where} with HTTP ${response.status} and no JSON: ${snippet}`,
        response.status >= 500 || response.status === 429,
      );
    }

    const envelope = slurmEnvelopeSchema.safeParse(json);
    const errors = envelope.success ? (envelope.data.errors ?? []) : [];
    this.afterFailure(response.status, errors);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      if (response.status >= 400) throw slurmFailure(where, response.status, errors);
      throw new DriverError(
        `slurmrestd's answer to ${where} does not have the expected shape: ${parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
          .join("; ")}`,
        true,
      );
    }
    return { status: response.status, body: parsed.data, errors };
  }

  /**
   * A rejected token looks like any other 500 on slurmrestd 22.05 (error -1, no Slurm error
   * code): mint a new one next time. A 500 that carries a Slurm error code (unknown job, refused
   * account) says nothing against the token.
   */
  private afterFailure(status: number, errors: readonly SlurmApiError[]) {
    const slurmAnswered = errors.some((error) => (slurmErrorCode(error) ?? -1) > 0);
    if ((status >= 500 && !slurmAnswered) || status === 401 || status === 403) {
      this.options.tokens.invalidate();
    }
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
