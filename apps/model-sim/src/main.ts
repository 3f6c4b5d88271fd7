/**
 * Tessera's simulated model server: an OpenAI-compatible stand-in for vLLM on machines without
 * GPUs. It runs no model; its replies are deterministic filler text with real token counts.
 */
import { loadConfig } from "./env";
import { createModelSim } from "./server";

const config = loadConfig(process.env, process.argv.slice(2));
const { server, startDraining } = createModelSim(config);

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.info(
    `model-sim ready (simulated model server, no real model): http://${config.host}:${port} serving ${config.models.join(", ")}`,
  );
});

/** Finish the replies in flight, up to the grace period, then stop. */
function shutdown(signal: string): void {
  console.info(`model-sim: ${signal} received, finishing replies in flight`);
  startDraining();
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    console.warn("model-sim: grace period over, closing the remaining connections");
    server.closeAllConnections();
  }, config.shutdownGraceMs).unref();
}

process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));
