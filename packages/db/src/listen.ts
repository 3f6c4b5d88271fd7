import pg from "pg";

export interface Listener {
  /**
   * With `leadership`: whether this listener holds the lock now. It is held by the listening
   * connection's session, so it is let go the moment that connection (or its process) dies.
   */
  leading(): boolean;
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
  /**
   * An advisory lock key: of all the listeners that ask for it, the one whose connection holds it
   * leads; the others try to take it every `retryMs`.
   */
  leadership?: number;
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
  let leading = false;
  let campaign: NodeJS.Timeout | undefined;

  // Tries to take the leadership lock on the listening connection (session-level: held until the
  // connection ends). A failed try is the connection's failure, handled by its error event.
  const campaignOn = (holder: pg.Client) => {
    if (options.leadership === undefined || closed || client !== holder || leading) return;
    holder
      .query<{ won: boolean }>("SELECT pg_try_advisory_lock($1) AS won", [options.leadership])
      .then((result) => {
        if (client === holder) leading = result.rows[0]?.won === true;
      })
      .catch(() => undefined)
      .finally(() => {
        if (client === holder && !leading && !closed) {
          campaign = setTimeout(() => campaignOn(holder), retryMs);
        }
      });
  };

  const failed = (error: Error) => {
    if (closed) return;
    leading = false;
    if (campaign) clearTimeout(campaign);
    options.onError?.(error);
    const dead = client;
    client = undefined;
    if (dead) void retire(dead);
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
        if (client !== next) return;
        options.onListening?.();
        campaignOn(next);
      })
      .catch((error: unknown) => {
        if (client === next) failed(error instanceof Error ? error : new Error(String(error)));
      });
  }

  connect();
  return {
    leading: () => leading,
    async close() {
      closed = true;
      leading = false;
      if (retry) clearTimeout(retry);
      if (campaign) clearTimeout(campaign);
      const last = client;
      client = undefined;
      if (last) await retire(last);
    },
  };
}

/** Ends a connection that no longer listens; whatever it says from now on is ignored. */
async function retire(connection: pg.Client): Promise<void> {
  connection.removeAllListeners();
  connection.on("error", () => undefined);
  await connection.end().catch(() => undefined);
}
