/** A handler context over an isolated database, test queues and in-memory backends (tests only). */
import { Redis } from "ioredis";
import { serverEnv } from "@tessera/config";
import type { Database } from "@tessera/db";
import { createDriverRegistry } from "../drivers";
import { createEndpointDriverRegistry, type EndpointDriverFactory } from "../endpoint-drivers";
import {
  DEFAULT_HANDLER_SETTINGS,
  type HandlerContext,
  type HandlerSettings,
} from "../handlers/context";
import { createLogger } from "../logger";
import { createQueues, queueList } from "../queues";
import { inMemoryDrivers } from "./in-memory-driver";

export function createTestContext(
  database: Database,
  prefix: string,
  options: {
    settings?: Partial<HandlerSettings>;
    clock?: () => Date;
    /** Endpoint drivers (none unless given: no test cluster serves endpoints by default). */
    endpointDriverFactory?: EndpointDriverFactory;
  } = {},
) {
  const connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(connection, prefix);
  const backends = inMemoryDrivers(options.clock);
  const context: HandlerContext = {
    database,
    drivers: createDriverRegistry(database, backends.factory),
    endpoints: createEndpointDriverRegistry(
      database,
      options.endpointDriverFactory ?? (() => null),
    ),
    queues,
    log: createLogger("error", "worker-test"),
    settings: { ...DEFAULT_HANDLER_SETTINGS, ...options.settings },
  };
  return {
    context,
    queues,
    backend: (clusterId: string) => backends.driver(clusterId),
    async close() {
      await Promise.all(queueList(queues).map((queue) => queue.close()));
      await connection.quit();
    },
  };
}
