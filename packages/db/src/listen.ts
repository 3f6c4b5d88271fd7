import pg from "pg";

export interface Listener {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Called on every notification on the channel. */
  onNotify: () => void;
  /** Called when the connection fails; it is made again after `retryMs`. */
  onError?: (error: Error) => void;
  /** Called once the channel is listened on (again, after a reconnect). */
  onListening?: () => void;
  retryMs?: number;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * LISTENs on a PostgreSQL notification channel on a connection of its own (a pooled connection
 * would stop listening when returned), and listens again on a new connection whenever the old
 * one fails. Notifications sent while no connection listened are lost: a listener is a way to
 * hear of work sooner, never the only way to find it.
 */
export function listen(
  connectionString: string,
  channel: string,
  options: ListenOptions,
): Listener {
  if (!CHANNEL.test(channel)) throw new Error(`Bad channel name "${channel}"`);
  const retryMs = options.retryMs ?? 1_000;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const failed = (error: Error) => {
    if (closed) return;
    options.onError?.(error);
    const dead = client;
    client = undefined;
    dead?.removeAllListeners();
    dead?.on("error", () => undefined);
    void dead?.end().catch(() => undefined);
    retry = setTimeout(connect, retryMs);
  };

  function connect(): void {
    retry = undefined;
    if (closed) return;
    const next = new pg.Client({ connectionString });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === channel) options.onNotify();
    });
    next.on("error", failed);
    next.on("end", () => {
      if (client === next) failed(new Error("the listening connection closed"));
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${channel}`))
      .then(() => {
        if (client === next) options.onListening?.();
      })
      .catch((error: unknown) => {
        if (client === next) failed(error instanceof Error ? error : new Error(String(error)));
      });
  }

  connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      if (last) {
        last.removeAllListeners();
        last.on("error", () => undefined);
        await last.end().catch(() => undefined);
      }
    },
  };
}
