import type { ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { ApiError, countTextTokens, errorBody, sendJson } from "@tessera/openai";
import type { GatewayKey } from "./keys";
import type { Lease } from "./leases";
import type { Admission, Limiter } from "./limits";
import type { Meter, MeteredRequest } from "./meter";
import type { GatewayMetrics } from "./metrics";
import { carriesText } from "./first-token";
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

/** What the upstream's answer is being read as. */
type Mode = "waiting" | "refused" | "whole" | "stream";

/**
 * Sends one admitted request to its endpoint and the answer back. Streams pass through event by
 * event as they arrive; the gateway always asks the upstream for usage and drops the usage chunk
 * again when the client did not ask for it. The client's last byte (the closing `[DONE]`, or the
 * whole body of an answer that does not stream) is held until the usage record is spooled. A
 * client that leaves aborts the upstream request, and what was generated until then is metered,
 * counted by the gateway itself.
 *
 * The upstream is read through undici's dispatch handler rather than a body stream: each chunk
 * is handled as it arrives, with no stream, iterator or promise per chunk (the hot path).
 */
export function forward(
  context: ProxyContext,
  call: Call,
  response: ServerResponse,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
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
    const labels = { model: call.model };
    const upstreamStarted = performance.now();
    const headers: Record<string, string> = {
      ...call.admission.headers,
      "x-request-id": call.id,
      "x-tessera-model": call.model,
    };
    if (fellBack) headers["x-tessera-fallback-from"] = request.model;

    let mode: Mode = "waiting";
    let settled = false;
    let clientLeft = false;
    /** The upstream exchange is over (answered or failed): nothing left to abort. */
    let ended = false;
    let controller: Dispatcher.DispatchController | null = null;
    let ttftMs: number | null = null;
    /** The answer's bytes (whole, refused) or, streaming, its events as received. */
    const received: Buffer[] = [];
    // Streaming state: a torn event waiting for its end, the closing [DONE], and the events that
    // arrived with it (sent together once the record is spooled).
    let pending: Buffer | null = null;
    let held: Buffer | null = null;
    const tail: Buffer[] = [];
    /** Events of the current read, written together at the end of the turn. */
    const outbox: Buffer[] = [];
    let usage: Usage | null = null;
    const keepUsage = request.clientWantsUsage;

    const done = (): void => {
      if (settled) return;
      settled = true;
      response.off("close", onClientClose);
      resolve();
    };
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      response.off("close", onClientClose);
      reject(error);
    };
    const onClientClose = (): void => {
      clientLeft = true;
      if (!ended) controller?.abort(new Error("the client closed the connection"));
    };
    response.once("close", onClientClose);

    const observeUpstream = (): void => {
      context.metrics.upstreamSeconds.observe(labels, (performance.now() - upstreamStarted) / 1000);
    };

    const meterAndSpend = (usage: Usage | null, generated: () => string): Promise<void> => {
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
      // A whole answer's headers go after this, so they count the call's own tokens; a stream's
      // went with its first event, before any token was known.
      headers["x-ratelimit-remaining-tokens"] = String(
        context.limiter.spend(call.admission, tokensIn + tokensOut),
      );
      call.spent.tokens = tokensIn + tokensOut;
      context.metrics.tokens.inc({ model: call.model, kind: "prompt" }, tokensIn);
      context.metrics.tokens.inc({ model: call.model, kind: "completion" }, tokensOut);
      return context.meter.spool(record);
    };

    /** The text generated so far, from the events received. */
    const generatedFromEvents = (): string => {
      let text = "";
      for (const event of received) {
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

    /** A stream's chunk: split into events, usage read, the rest written on to the client. */
    const onStreamData = (data: Buffer): void => {
      const chunk: Buffer = pending ? Buffer.concat([pending, data]) : data;
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
        received.push(event);
        if (ttftMs === null && carriesText(event)) {
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
      if (out.length === 0) return;
      if (held !== null) {
        // The stream's end came in this read: its last events go out with it, in one write.
        tail.push(...out);
        return;
      }
      // One write per read from the model, however many chunks it held: the events wait for the
      // end of this turn (a microtask), by when every chunk of the read has been parsed.
      if (outbox.length === 0) queueMicrotask(flushOutbox);
      for (const event of out) outbox.push(event);
    };

    /** Writes the events waiting in the outbox to the client. */
    const flushOutbox = (): void => {
      if (outbox.length === 0 || response.destroyed) return;
      const events = outbox.length === 1 ? outbox[0]! : Buffer.concat(outbox);
      outbox.length = 0;
      const flushed = response.write(events);
      if (!flushed && controller && !controller.paused) {
        // The client reads slower than the model writes: stop reading the model until it drains.
        const paused = controller;
        paused.pause();
        response.once("drain", () => paused.resume());
      }
    };

    /** The upstream answered whole and well: meter, then send the client everything. */
    const finishWhole = (): void => {
      observeUpstream();
      // A whole answer has no first token apart from its last byte: its record leaves the time
      // to first token empty, so that the usage page's median is over streamed calls only.
      const body = received.length === 1 ? received[0]! : Buffer.concat(received);
      // The answer goes on as the bytes it came in; only its usage object is read (the hot
      // path), and all of it only when the model server did not say.
      const said = usageOfAnswer(body);
      let whole: WholeAnswer | undefined;
      const parsed = (): WholeAnswer => (whole ??= parseAnswer(body));
      meterAndSpend(said ?? parsed().usage ?? null, () =>
        (parsed().choices ?? [])
          .map((choice) => choice.message?.content ?? choice.text ?? "")
          .join(""),
      ).then(
        () => {
          sendJson(response, 200, body, headers);
          done();
        },
        (error: unknown) => fail(error as Error),
      );
    };

    /** The stream ended well: meter, then the client's last byte. */
    const finishStream = (): void => {
      observeUpstream();
      if (pending) held = held ? Buffer.concat([pending, held]) : pending;
      // If the record cannot be spooled, the client never sees a complete answer, and nothing
      // unmetered was delivered.
      meterAndSpend(usage, generatedFromEvents).then(
        () => {
          flushOutbox();
          if (held) tail.push(held);
          response.end(
            tail.length === 0 ? undefined : tail.length === 1 ? tail[0] : Buffer.concat(tail),
          );
          done();
        },
        (error: unknown) => {
          response.destroy(error as Error);
          done();
        },
      );
    };

    /** The upstream broke off, or the client left (the abort): meter what was generated. */
    const brokeOff = (error: Error): void => {
      observeUpstream();
      const generated = mode === "stream" ? generatedFromEvents : (): string => ""; // whole: nothing reached the client
      const metered = meterAndSpend(usage, generated).catch(() => undefined);
      if (clientLeft) {
        void metered.then(done);
        return;
      }
      if (mode === "stream") {
        void metered.then(() => {
          flushOutbox();
          if (!response.destroyed) {
            const failure = new ApiError(
              503,
              "upstream_error",
              `The endpoint stopped mid-answer (${error.message}).`,
            );
            response.end(`data: ${errorBody(failure)}\n\n`);
          }
          done();
        });
        return;
      }
      void metered.then(() =>
        fail(
          new ApiError(
            503,
            "upstream_error",
            `The endpoint broke off its answer (${error.message}).`,
          ),
        ),
      );
    };

    let refusedStatus = 0;
    /** The upstream said no: its own refusal passes on (4xx in OpenAI's envelope), else 502. */
    const finishRefused = (): void => {
      observeUpstream();
      const text = Buffer.concat(received).toString("utf8");
      if (refusedStatus >= 400 && refusedStatus < 500 && text.startsWith("{")) {
        // The model server's own refusal (a prompt too long for the model …), in OpenAI's envelope.
        sendJson(response, refusedStatus, text, headers);
      } else {
        const failure = new ApiError(
          502,
          "upstream_error",
          `The endpoint serving \`${call.model}\` failed (HTTP ${refusedStatus}); nothing was charged.`,
        );
        sendJson(response, 502, errorBody(failure), headers);
      }
      done();
    };

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        if (clientLeft) started.abort(new Error("the client closed the connection"));
      },
      onResponseStart(_controller, statusCode) {
        if (statusCode !== 200) {
          mode = "refused";
          refusedStatus = statusCode;
          return;
        }
        if (!request.stream) {
          mode = "whole";
          return;
        }
        mode = "stream";
        response.writeHead(200, {
          ...headers,
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache",
          "x-accel-buffering": "no",
        });
        // The headers go with the first events when those are already here (one write, not
        // two), or on their own at the next turn of the event loop when the model is slow.
        setImmediate(() => {
          if (!response.headersSent && !response.destroyed) response.flushHeaders();
        });
      },
      onResponseData(_controller, chunk) {
        if (mode === "stream") onStreamData(chunk);
        else received.push(chunk);
      },
      onResponseEnd() {
        ended = true;
        if (mode === "whole") finishWhole();
        else if (mode === "stream") finishStream();
        else finishRefused();
      },
      onResponseError(_controller, error) {
        if (mode === "waiting") {
          ended = true;
          observeUpstream();
          if (clientLeft) {
            done();
            return;
          }
          fail(
            new ApiError(
              503,
              "upstream_unavailable",
              `The endpoint serving \`${call.model}\` did not answer (${error.message}); try again shortly.`,
              null,
              { "retry-after": "5" },
            ),
          );
          return;
        }
        ended = true;
        if (mode === "refused") {
          finishRefused();
          return;
        }
        brokeOff(error);
      },
    };

    try {
      upstream.pool.dispatch(
        {
          origin: upstream.origin,
          path: upstream.basePath + call.path,
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": call.id },
          body,
        },
        handler,
      );
    } catch (error) {
      fail(error as Error);
    }
  });
}

interface WholeAnswer {
  usage?: Usage;
  choices?: { text?: string; message?: { content?: string } }[];
}

function parseAnswer(body: Buffer): WholeAnswer {
  try {
    const value = JSON.parse(body.toString("utf8")) as unknown;
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {}; // Counted by the gateway.
  }
}

const USAGE_KEY = Buffer.from('"usage":');
const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The `usage` object of a whole answer, read without parsing the rest: OpenAI's and vLLM's
 * answers put it last, at the top level. Inside a JSON string every quote is escaped, so
 * `"usage":` followed by `{` can only be a key; the object is the bytes up to its matching brace
 * (strings skipped). undefined when the answer does not read that way (no usage, or not where it
 * is expected): the caller then parses the whole answer.
 */
export function usageOfAnswer(body: Buffer): Usage | undefined {
  const at = body.lastIndexOf(USAGE_KEY);
  if (at < 0) return undefined;
  let start = at + USAGE_KEY.length;
  while (start < body.length && body[start]! <= 0x20) start++;
  if (body[start] !== OPEN) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < body.length; i++) {
    const byte = body[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN) {
      depth++;
    } else if (byte === CLOSE && --depth === 0) {
      try {
        const usage = JSON.parse(body.toString("utf8", start, i + 1)) as Usage;
        const counts = (value: unknown): boolean =>
          value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);
        return counts(usage.prompt_tokens) && counts(usage.completion_tokens) ? usage : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
