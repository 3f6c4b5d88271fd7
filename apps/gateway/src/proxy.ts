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
    new Exchange(context, call, response, resolve, reject).start();
  });
}

/**
 * One request's exchange with its endpoint, and its own undici dispatch handler. A class rather
 * than closures made per request: the gateway runs through tsx, whose esbuild keeps function
 * names, and so gives every named closure an Object.defineProperty as it is made — a dozen per
 * request on the hot path. Methods are made once; the only functions made per request are the
 * two bound below and the unnamed callbacks passed inline.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private readonly request: ModelRequest;
  private readonly route: Route;
  private readonly headers: Record<string, string>;
  private readonly labels: { model: string };
  private upstreamStarted = 0;
  private mode: Mode = "waiting";
  private settled = false;
  private clientLeft = false;
  /** The upstream exchange is over (answered or failed): nothing left to abort. */
  private ended = false;
  private controller: Dispatcher.DispatchController | null = null;
  private ttftMs: number | null = null;
  /** The answer's bytes (whole, refused) or, streaming, its events as received. */
  private readonly received: Buffer[] = [];
  // Streaming state: a torn event waiting for its end, the closing [DONE], and the events that
  // arrived with it (sent together once the record is spooled).
  private pending: Buffer | null = null;
  private held: Buffer | null = null;
  private readonly tail: Buffer[] = [];
  /** Events of the current read, written together at the end of the turn. */
  private readonly outbox: Buffer[] = [];
  private usage: Usage | null = null;
  private readonly keepUsage: boolean;
  private refusedStatus = 0;
  private readonly onClientClose: () => void;
  private readonly flushOutboxLater: () => void;

  constructor(
    private readonly context: ProxyContext,
    private readonly call: Call,
    private readonly response: ServerResponse,
    private readonly resolve: () => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.request = call.request;
    this.route = call.route;
    this.keepUsage = call.request.clientWantsUsage;
    this.labels = { model: call.model };
    this.headers = {
      ...call.admission.headers,
      "x-request-id": call.id,
      "x-tessera-model": call.model,
    };
    if (call.model !== call.request.model)
      this.headers["x-tessera-fallback-from"] = call.request.model;
    this.onClientClose = this.clientClosed.bind(this);
    this.flushOutboxLater = this.flushOutbox.bind(this);
  }

  start(): void {
    const { call, request } = this;
    const upstream = this.context.upstreams.get(this.route.url!);
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
    this.upstreamStarted = performance.now();
    this.response.once("close", this.onClientClose);
    try {
      upstream.pool.dispatch(
        {
          origin: upstream.origin,
          path: upstream.basePath + call.path,
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": call.id },
          body,
        },
        this,
      );
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private done(): void {
    if (this.settled) return;
    this.settled = true;
    this.response.off("close", this.onClientClose);
    this.resolve();
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.response.off("close", this.onClientClose);
    this.reject(error);
  }

  private clientClosed(): void {
    this.clientLeft = true;
    if (!this.ended) this.controller?.abort(new Error("the client closed the connection"));
  }

  private observeUpstream(): void {
    this.context.metrics.upstreamSeconds.observe(
      this.labels,
      (performance.now() - this.upstreamStarted) / 1000,
    );
  }

  /** Meters the call (`generated`: the text generated, read only when the model gave no usage). */
  private meterAndSpend(usage: Usage | null, generated: () => string): Promise<void> {
    const { call, context, route } = this;
    const tokensIn = usage?.prompt_tokens ?? countPromptTokens(this.request);
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
      ttftMs: this.ttftMs,
    };
    // A whole answer's headers go after this, so they count the call's own tokens; a stream's
    // went with its first event, before any token was known.
    this.headers["x-ratelimit-remaining-tokens"] = String(
      context.limiter.spend(call.admission, tokensIn + tokensOut),
    );
    call.spent.tokens = tokensIn + tokensOut;
    context.metrics.tokens.inc({ model: call.model, kind: "prompt" }, tokensIn);
    context.metrics.tokens.inc({ model: call.model, kind: "completion" }, tokensOut);
    return context.meter.spool(record);
  }

  /** The text generated so far, from the events received. */
  private generatedFromEvents(): string {
    let text = "";
    for (const event of this.received) {
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
  }

  /** A stream's chunk: split into events, usage read, the rest written on to the client. */
  private onStreamData(data: Buffer): void {
    const chunk: Buffer = this.pending ? Buffer.concat([this.pending, data]) : data;
    this.pending = null;
    const out: Buffer[] = [];
    let start = 0;
    let boundary = chunk.indexOf(EVENT_END, start);
    while (boundary >= 0) {
      const event = chunk.subarray(start, boundary + 2);
      start = boundary + 2;
      boundary = chunk.indexOf(EVENT_END, start);
      if (event.subarray(0, DONE.length).equals(DONE)) {
        this.held = this.held ? Buffer.concat([this.held, event]) : event;
        continue;
      }
      this.received.push(event);
      if (this.ttftMs === null && carriesText(event)) {
        this.ttftMs = Math.round(performance.now() - this.call.arrivedAt);
        this.context.metrics.ttftSeconds.observe(this.labels, this.ttftMs / 1000);
      }
      if (event.includes(USAGE)) {
        try {
          this.usage =
            (JSON.parse(event.subarray(6).toString("utf8")) as { usage?: Usage }).usage ??
            this.usage;
        } catch {
          // Not a usage chunk after all.
        }
        if (!this.keepUsage && event.includes(NO_CHOICES)) continue;
      }
      if (this.keepUsage) {
        out.push(event);
      } else {
        const at = event.indexOf(USAGE_NULL);
        if (at < 0) out.push(event);
        else out.push(event.subarray(0, at), event.subarray(at + USAGE_NULL.length));
      }
    }
    if (start < chunk.length) this.pending = Buffer.from(chunk.subarray(start));
    if (out.length === 0) return;
    if (this.held !== null) {
      // The stream's end came in this read: its last events go out with it, in one write.
      this.tail.push(...out);
      return;
    }
    // One write per read from the model, however many chunks it held: the events wait for the
    // end of this turn (a microtask), by when every chunk of the read has been parsed.
    if (this.outbox.length === 0) queueMicrotask(this.flushOutboxLater);
    for (const event of out) this.outbox.push(event);
  }

  /** Writes the events waiting in the outbox to the client. */
  private flushOutbox(): void {
    const { outbox, response, controller } = this;
    if (outbox.length === 0 || response.destroyed) return;
    const events = outbox.length === 1 ? outbox[0]! : Buffer.concat(outbox);
    outbox.length = 0;
    const flushed = response.write(events);
    if (!flushed && controller && !controller.paused) {
      // The client reads slower than the model writes: stop reading the model until it drains.
      controller.pause();
      response.once("drain", () => controller.resume());
    }
  }

  /** The upstream answered whole and well: meter, then send the client everything. */
  private finishWhole(): void {
    this.observeUpstream();
    // A whole answer has no first token apart from its last byte: its record leaves the time
    // to first token empty, so that the usage page's median is over streamed calls only.
    const received = this.received;
    const body = received.length === 1 ? received[0]! : Buffer.concat(received);
    // The answer goes on as the bytes it came in; only its usage object is read (the hot
    // path), and all of it only when the model server did not say.
    const said = usageOfAnswer(body);
    let whole: WholeAnswer | undefined;
    if (said === undefined) whole = parseAnswer(body);
    this.meterAndSpend(said ?? whole?.usage ?? null, () =>
      ((whole ??= parseAnswer(body)).choices ?? [])
        .map((choice) => choice.message?.content ?? choice.text ?? "")
        .join(""),
    ).then(
      () => {
        sendJson(this.response, 200, body, this.headers);
        this.done();
      },
      (error: unknown) => this.fail(error as Error),
    );
  }

  /** The stream ended well: meter, then the client's last byte. */
  private finishStream(): void {
    this.observeUpstream();
    if (this.pending)
      this.held = this.held ? Buffer.concat([this.pending, this.held]) : this.pending;
    // If the record cannot be spooled, the client never sees a complete answer, and nothing
    // unmetered was delivered.
    this.meterAndSpend(this.usage, () => this.generatedFromEvents()).then(
      () => {
        this.flushOutbox();
        const tail = this.tail;
        if (this.held) tail.push(this.held);
        this.response.end(
          tail.length === 0 ? undefined : tail.length === 1 ? tail[0] : Buffer.concat(tail),
        );
        this.done();
      },
      (error: unknown) => {
        this.response.destroy(error as Error);
        this.done();
      },
    );
  }

  /** The upstream broke off, or the client left (the abort): meter what was generated. */
  private brokeOff(error: Error): void {
    this.observeUpstream();
    // Whole: nothing reached the client.
    const streamed = this.mode === "stream";
    const metered = this.meterAndSpend(this.usage, () =>
      streamed ? this.generatedFromEvents() : "",
    ).catch(() => undefined);
    if (this.clientLeft) {
      void metered.then(() => this.done());
      return;
    }
    if (streamed) {
      void metered.then(() => {
        this.flushOutbox();
        if (!this.response.destroyed) {
          const failure = new ApiError(
            503,
            "upstream_error",
            `The endpoint stopped mid-answer (${error.message}).`,
          );
          this.response.end(`data: ${errorBody(failure)}\n\n`);
        }
        this.done();
      });
      return;
    }
    void metered.then(() =>
      this.fail(
        new ApiError(
          503,
          "upstream_error",
          `The endpoint broke off its answer (${error.message}).`,
        ),
      ),
    );
  }

  /** The upstream said no: its own refusal passes on (4xx in OpenAI's envelope), else 502. */
  private finishRefused(): void {
    this.observeUpstream();
    const text = Buffer.concat(this.received).toString("utf8");
    const status = this.refusedStatus;
    if (status >= 400 && status < 500 && text.startsWith("{")) {
      // The model server's own refusal (a prompt too long for the model …), in OpenAI's envelope.
      sendJson(this.response, status, text, this.headers);
    } else {
      const failure = new ApiError(
        502,
        "upstream_error",
        `The endpoint serving \`${this.call.model}\` failed (HTTP ${status}); nothing was charged.`,
      );
      sendJson(this.response, 502, errorBody(failure), this.headers);
    }
    this.done();
  }

  // undici's dispatch handler.

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.clientLeft) controller.abort(new Error("the client closed the connection"));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    if (statusCode !== 200) {
      this.mode = "refused";
      this.refusedStatus = statusCode;
      return;
    }
    if (!this.request.stream) {
      this.mode = "whole";
      return;
    }
    this.mode = "stream";
    const response = this.response;
    response.writeHead(200, {
      ...this.headers,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-accel-buffering": "no",
    });
    // The headers go with the first events when those are already here (one write, not
    // two), or on their own at the next turn of the event loop when the model is slow.
    setImmediate(() => {
      if (!response.headersSent && !response.destroyed) response.flushHeaders();
    });
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.mode === "stream") this.onStreamData(chunk);
    else this.received.push(chunk);
  }

  onResponseEnd(): void {
    this.ended = true;
    if (this.mode === "whole") this.finishWhole();
    else if (this.mode === "stream") this.finishStream();
    else this.finishRefused();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.mode === "waiting") {
      this.ended = true;
      this.observeUpstream();
      if (this.clientLeft) {
        this.done();
        return;
      }
      this.fail(
        new ApiError(
          503,
          "upstream_unavailable",
          `The endpoint serving \`${this.call.model}\` did not answer (${error.message}); try again shortly.`,
          null,
          { "retry-after": "5" },
        ),
      );
      return;
    }
    this.ended = true;
    if (this.mode === "refused") {
      this.finishRefused();
      return;
    }
    this.brokeOff(error);
  }
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

/** A usage figure as the gateway takes it: absent, or a count. */
function counts(value: unknown): boolean {
  return value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);
}

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
        return counts(usage.prompt_tokens) && counts(usage.completion_tokens) ? usage : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
