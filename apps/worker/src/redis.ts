import { Redis } from "ioredis";

/**
 * The connection BullMQ works on. BullMQ requires `maxRetriesPerRequest: null` so that its
 * blocking commands wait out a Redis restart instead of failing.
 */
export function createQueueConnection(url: string, onError: (error: Error) => void): Redis {
  const connection = new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: "tessera-worker",
  });
  connection.on("error", onError);
  return connection;
}

/** A separate connection for health probes: fails at once while Redis is away, never queues. */
export function createProbeConnection(url: string, onError: (error: Error) => void): Redis {
  const connection = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectionName: "tessera-worker-health",
  });
  connection.on("error", onError);
  return connection;
}

/** Quits politely when connected; a connection that never came up is just dropped. */
export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status === "end") return;
  if (connection.status === "ready") {
    await connection.quit().catch(() => connection.disconnect());
    return;
  }
  connection.disconnect();
}
