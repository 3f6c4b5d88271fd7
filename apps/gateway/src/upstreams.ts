import { Pool } from "undici";

interface Upstream {
  pool: Pool;
  /** The model server's origin, as dispatch wants it. */
  origin: string;
  /** The endpoint URL's path, without a trailing slash ("" for a bare origin). */
  basePath: string;
}

/**
 * One keep-alive connection pool per model server, made on first use: the hot path never opens a
 * connection per request, never resolves a name twice.
 */
export class Upstreams {
  private readonly byUrl = new Map<string, Upstream>();

  constructor(private readonly timeoutMs: number) {}

  get(url: string): Upstream {
    let upstream = this.byUrl.get(url);
    if (!upstream) {
      const parsed = new URL(url);
      upstream = {
        pool: new Pool(parsed.origin, {
          connections: 512,
          pipelining: 1,
          headersTimeout: this.timeoutMs,
          bodyTimeout: this.timeoutMs,
          keepAliveTimeout: 60_000,
        }),
        origin: parsed.origin,
        basePath: parsed.pathname.replace(/\/+$/, ""),
      };
      this.byUrl.set(url, upstream);
    }
    return upstream;
  }

  async close(): Promise<void> {
    await Promise.all([...this.byUrl.values()].map(({ pool }) => pool.close()));
    this.byUrl.clear();
  }
}
