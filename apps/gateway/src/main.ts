/**
 * Tessera's OpenAI-compatible gateway: one lean HTTP process in front of every inference
 * endpoint. Run as many as the load needs; they share nothing but Redis and PostgreSQL.
 */
import { loadConfig } from "./env";
import { createGateway } from "./server";

const config = loadConfig(process.env);
const gateway = createGateway(config, (level, message) => {
  const line = `gateway: ${message}`;
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
});

await gateway.start();
gateway.server.listen(config.port, config.host, () => {
  const address = gateway.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.info(`gateway ready: http://${config.host}:${port}/v1`);
});

function shutdown(signal: string): void {
  console.info(`gateway: ${signal} received, finishing requests in flight`);
  gateway.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));
