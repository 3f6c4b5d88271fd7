import type { ServerResponse } from "node:http";
import { ApiError, countTextTokens, errorBody, sendJson } from "@tessera/openai";
import type { GatewayKey } from "./keys";
import type { Lease } from "./leases";
import type { Admission, Limiter } from "./limits";
import type { Meter, MeteredRequest } from "./meter";
import type { GatewayMetrics } from "./metrics";
import { countPromptTokens, type ModelRequest } from "./requests";
import type { Route } from "./routes";
import type { Upstreams } from "./upstreams";

export interface ProxyContext {
  upstreams: Upstreams;
  meter: Meter;
  limiter: Limiter;
  metrics: GatewayMetrics;
}

export interface Call {
  id: string;
  key: GatewayKey;
  route: Route;
  /** The model that answers: the one asked for, or its fallback when the caller's tokens ran out. */
  model: string;
  /** The token lease a call to a shared model spends from; null for the organisation's own endpoints. */
  lease: Lease | null;
  /** Set to the tokens the call used once it is metered (what the lease is charged). */
  spent: { tokens: number };
  request: ModelRequest;
  /** The client's bytes, forwarded unchanged when nothing needs adding. */
  bytes: Buffer;
  path: string;
  admission: Admission;
  /** Epoch ms and performance.now() when the request arrived. */
  startedAt: number;
  arrivedAt: number;
}

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

const DONE = Buffer.from("data: [DONE]");
const EVENT_END = Buffer.from("\n\n");
const DATA_OBJECT = Buffer.from("data: {");
const USAGE = Buffer.from('"usage":{');
const USAGE_NULL = Buffer.from(',"usage":null');
const NO_CHOICES = Buffer.from('"choices":[]');
const CONTENT = Buffer.from('"content":"');
const TEXT = Buffer.from('"text":"');

/**
 * Sends one admitted request to its endpoint and the answer back. Streams pass through event by
 * event as they arrive; the gateway always asks the upstream for usage and drops the usage chunk
 * again when the client did not ask for it. The client's last byte (the closing `[DONE]`, or the
 * whole body of an answer that does not stream) is held until the usage record is spooled. A
 * client that leaves aborts the upstream request, and what was generated until then is metered,
 * counted by the gateway itself.
 */
export async function forward(
  context: ProxyContext,
  call: Call,
  response: ServerResponse,
): Promise<void> {
  const { request, route } = call;
  const upstream = context.upstreams.get(route.url!);
  const fellBack = call.model !== request.model;
  const body =
    request.stream || fellBack
      ? JSON.stringify({
          ...request.body,
          model: call.model,
          ...(request.stream && {
            stream_options: {
              ...(request.body.stream_options as object | null),
              include_usage: true,
            },
          }),
        })
      : call.bytes;
  const abort = new AbortController();
  let finished = false;
  response.once("close", () => {
    if (!finished) abort.abort();
  });

  const upstreamStarted = performance.now();
  let answer;
  try {
    answer = await upstream.pool.request({
      path: upstream.basePath + call.path,
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": call.id },
      body,
      signal: abort.signal,
    });
  } catch (error) {
    finished = true;
    if (abort.signal.aborted) return;
    throw new ApiError(
      503,
      "upstream_unavailable",
      `The endpoint serving \`${call.model}\` did not answer (${(error as Error).message}); try again shortly.`,
      null,
      { "retry-after": "5" },
    );
  }
  const labels = { model: call.model };
  const observeUpstream = (): void => {
    context.metrics.upstreamSeconds.observe(labels, (performance.now() - upstreamStarted) / 1000);
  };
  const headers: Record<string, string> = {
    ...call.admission.headers,
    "x-request-id": call.id,
    "x-tessera-model": call.model,
  };
  if (fellBack) headers["x-tessera-fallback-from"] = request.model;

  if (answer.statusCode !== 200) {
    const text = await answer.body.text().catch(() => "");
    finished = true;
    observeUpstream();
    if (answer.statusCode >= 400 && answer.statusCode < 500 && text.startsWith("{")) {
      // The model server's own refusal (a prompt too long for the model …), in OpenAI's envelope.
      sendJson(response, answer.statusCode, text, headers);
      return;
    }
    const failure = new ApiError(
      502,
      "upstream_error",
      `The endpoint serving \`${call.model}\` failed (HTTP ${answer.statusCode}); nothing was charged.`,
    );
    sendJson(response, 502, errorBody(failure), headers);
    return;
  }

  let ttftMs: number | null = null;
  const meterAndSpend = async (usage: Usage | null, generated: () => string): Promise<void> => {
    const tokensIn = usage?.prompt_tokens ?? countPromptTokens(request);
    const tokensOut = usage?.completion_tokens ?? countTextTokens(generated());
    const endedAt = call.startedAt + (performance.now() - call.arrivedAt);
    const record: MeteredRequest = {
      id: call.id,
      organizationId: call.key.organizationId,
      projectId: call.key.projectId,
      apiKeyId: call.key.id,
      endpointId: route.endpointId,
      shared: call.lease !== null,
      // A shared model's tokens draw on the organisation's line of its tier, through the lease.
      resourceClassId: call.lease?.line.resourceClassId ?? route.resourceClassId,
      allocationLineId: call.lease?.line.id ?? route.allocationLineId,
      quotaHoldId: call.lease?.holdId ?? null,
      model: call.model,
      tokensIn,
      tokensOut,
      startedAt: call.startedAt,
      endedAt: Math.max(call.startedAt, Math.round(endedAt)),
      ttftMs,
    };
    context.limiter.spend(call.admission, tokensIn + tokensOut);
    call.spent.tokens = tokensIn + tokensOut;
    context.metrics.tokens.inc({ model: call.model, kind: "prompt" }, tokensIn);
    context.metrics.tokens.inc({ model: call.model, kind: "completion" }, tokensOut);
    await context.meter.spool(record);
  };

  if (!request.stream) {
    let text: string;
    try {
      text = await answer.body.text();
    } catch (error) {
      finished = true;
      observeUpstream();
      // Nothing reached the client: only the prompt it sent is metered.
      await meterAndSpend(null, () => "").catch(() => undefined);
      if (abort.signal.aborted) return;
      throw new ApiError(
        503,
        "upstream_error",
        `The endpoint broke off its answer (${(error as Error).message}).`,
      );
    }
    observeUpstream();
    ttftMs = Math.round(performance.now() - call.arrivedAt);
    let usage: Usage | null = null;
    let parsed: { usage?: Usage; choices?: { text?: string; message?: { content?: string } }[] } =
      {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
      usage = parsed.usage ?? null;
    } catch {
      // Counted by the gateway below.
    }
    await meterAndSpend(usage, () =>
      (parsed.choices ?? []).map((choice) => choice.message?.content ?? choice.text ?? "").join(""),
    );
    finished = true;
    sendJson(response, 200, text, headers);
    return;
  }

  response.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  // The headers go with the first events when those are already here (one write, not two), or
  // on their own at the next turn of the event loop when the model is slow to start.
  setImmediate(() => {
    if (!response.headersSent && !response.destroyed) response.flushHeaders();
  });
  // Events stay bytes: they are only decoded to read usage, or to count an aborted answer.
  const events: Buffer[] = [];
  let pending: Buffer | null = null;
  let held: Buffer | null = null;
  /** Events that arrived with the closing `[DONE]`: sent with it once the record is spooled. */
  const tail: Buffer[] = [];
  let usage: Usage | null = null;
  const keepUsage = request.clientWantsUsage;

  /** The text generated so far, from the events received. */
  const generated = (): string => {
    let text = "";
    for (const event of events) {
      if (!event.subarray(0, 7).equals(DATA_OBJECT)) continue;
      try {
        const chunk = JSON.parse(event.subarray(6).toString("utf8")) as {
          choices?: { text?: string; delta?: { content?: string | null } }[];
        };
        for (const choice of chunk.choices ?? [])
          text += choice.delta?.content ?? choice.text ?? "";
      } catch {
        // A torn event at an abort: what it held is not counted.
      }
    }
    return text;
  };

  try {
    for await (const received of answer.body) {
      const chunk: Buffer = pending
        ? Buffer.concat([pending, received as Buffer])
        : (received as Buffer);
      pending = null;
      const out: Buffer[] = [];
      let start = 0;
      let boundary = chunk.indexOf(EVENT_END, start);
      while (boundary >= 0) {
        const event = chunk.subarray(start, boundary + 2);
        start = boundary + 2;
        boundary = chunk.indexOf(EVENT_END, start);
        if (event.subarray(0, DONE.length).equals(DONE)) {
          held = held ? Buffer.concat([held, event]) : event;
          continue;
        }
        events.push(event);
        if (ttftMs === null && (event.includes(CONTENT) || event.includes(TEXT))) {
          ttftMs = Math.round(performance.now() - call.arrivedAt);
          context.metrics.ttftSeconds.observe(labels, ttftMs / 1000);
        }
        if (event.includes(USAGE)) {
          try {
            usage =
              (JSON.parse(event.subarray(6).toString("utf8")) as { usage?: Usage }).usage ?? usage;
          } catch {
            // Not a usage chunk after all.
          }
          if (!keepUsage && event.includes(NO_CHOICES)) continue;
        }
        if (keepUsage) {
          out.push(event);
        } else {
          const at = event.indexOf(USAGE_NULL);
          if (at < 0) out.push(event);
          else out.push(event.subarray(0, at), event.subarray(at + USAGE_NULL.length));
        }
      }
      if (start < chunk.length) pending = Buffer.from(chunk.subarray(start));
      if (out.length === 0) continue;
      if (held !== null) {
        // The stream's end came in this read: its last events go out with it, in one write.
        tail.push(...out);
        continue;
      }
      const flushed = response.write(out.length === 1 ? out[0]! : Buffer.concat(out));
      if (!flushed) {
        await new Promise<void>((resolve) => {
          response.once("drain", resolve);
          response.once("close", resolve);
        });
      }
    }
  } catch (error) {
    observeUpstream();
    finished = true;
    // The client left (the abort) or the upstream broke off: meter what was generated.
    await meterAndSpend(usage, generated).catch(() => undefined);
    if (!abort.signal.aborted && !response.destroyed) {
      const failure = new ApiError(
        503,
        "upstream_error",
        `The endpoint stopped mid-answer (${(error as Error).message}).`,
      );
      response.end(`data: ${errorBody(failure)}\n\n`);
    }
    return;
  }
  observeUpstream();
  if (pending) held = held ? Buffer.concat([pending, held]) : pending;
  // The client's last byte waits for the record: if it cannot be spooled, the client never sees
  // a complete answer, and nothing unmetered was delivered.
  try {
    await meterAndSpend(usage, generated);
  } catch (error) {
    finished = true;
    response.destroy(error as Error);
    return;
  }
  finished = true;
  if (held) tail.push(held);
  response.end(tail.length === 0 ? undefined : tail.length === 1 ? tail[0] : Buffer.concat(tail));
}
