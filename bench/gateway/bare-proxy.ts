/**
 * The floor the gateway is measured against: a bare Node HTTP proxy in front of the model
 * server, built the way the gateway is (node:http in, undici's dispatch out, answers passed on
 * chunk by chunk) but with none of its work — no key, limits, routing, leases or metering. What
 * it costs is what any Node proxy costs on this machine; what the gateway costs beyond it is its
 * own. Benchmarks only.
 *
 *   BARE_PROXY_PORT=… BARE_PROXY_UPSTREAM=http://127.0.0.1:… node --import tsx bench/gateway/bare-proxy.ts
 */
import { createServer } from "node:http";
import { Pool, type Dispatcher } from "undici";

const upstream = process.env.BARE_PROXY_UPSTREAM!;
const pool = new Pool(upstream, { connections: 512, pipelining: 1 });
const origin = new URL(upstream).origin;

const server = createServer({ keepAliveTimeout: 65_000 }, (request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const parts: Buffer[] = [];
    let streaming = false;
    const handler: Dispatcher.DispatchHandler = {
      // Present so undici takes this for a handler of its current interface.
      onRequestStart() {},
      onResponseStart(_controller, statusCode, headers) {
        streaming = String(headers["content-type"] ?? "").startsWith("text/event-stream");
        if (streaming) response.writeHead(statusCode, { "content-type": "text/event-stream" });
        else response.statusCode = statusCode;
      },
      onResponseData(_controller, chunk) {
        if (streaming) response.write(chunk);
        else parts.push(chunk);
      },
      onResponseEnd() {
        if (streaming) {
          response.end();
          return;
        }
        const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        response.writeHead(response.statusCode, {
          "content-type": "application/json",
          "content-length": body.length,
        });
        response.end(body);
      },
      onResponseError(_controller, error) {
        response.destroy(error);
      },
    };
    pool.dispatch(
      {
        origin,
        path: request.url ?? "/",
        method: "POST",
        headers: { "content-type": "application/json" },
        body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
      },
      handler,
    );
  });
});
server.listen(Number(process.env.BARE_PROXY_PORT), "127.0.0.1", () => {
  console.info("bare proxy ready");
});
process.once("SIGTERM", () => {
  server.close();
  void pool.close().then(() => process.exit(0));
});
