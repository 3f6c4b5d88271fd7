import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { generationText, PIECE_JSON, type FinishReason, type Generation } from "./generate";
import type { ModelMetrics } from "./metrics";

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What differs between chat and text completions; the timing and framing are shared. */
export interface ReplyFormat {
  idPrefix: string;
  chunkObject: string;
  /** `choices` of the chunk sent as the stream opens (chat announces the role), if any. */
  opening: string | null;
  /** `choices` of a token chunk, split around the token's JSON string. */
  tokenOpen: string;
  tokenClose: string;
  closing(finishReason: FinishReason, stopReason: string | null): string;
  complete(
    head: { id: string; created: number; model: string },
    text: string,
    finishReason: FinishReason,
    stopReason: string | null,
    usage: Usage,
  ): unknown;
}

export interface ReplyPlan {
  format: ReplyFormat;
  model: string;
  metrics: ModelMetrics;
  promptTokens: number;
  generation: Generation;
  stream: boolean;
  includeUsage: boolean;
  /** performance.now() when the request arrived, for time to first token. */
  arrivedAt: number;
  ttftMs: number;
  itlMs: number;
}

const DONE = "data: [DONE]\n\n";

/** A delay that can be called off. */
interface Delay {
  cancel(): void;
}

/**
 * Runs `run` after `ms`. A delay of 0 is none: the next turn of the event loop, not setTimeout's
 * (which waits at least 1 ms and would make a server with no simulated delay a slow one).
 */
function after(ms: number, run: () => void): Delay {
  if (ms <= 0) {
    const immediate = setImmediate(run);
    return { cancel: () => clearImmediate(immediate) };
  }
  const timer = setTimeout(run, ms);
  return { cancel: () => clearTimeout(timer) };
}

/**
 * Answers a generation after the simulated delays: the first token after the time to first
 * token, each next one an inter-token delay later. A client that goes away stops everything:
 * timers cleared, the in-flight gauge released, only the tokens actually sent counted.
 */
export function sendReply(response: ServerResponse, plan: ReplyPlan): void {
  const { metrics, generation } = plan;
  metrics.running.inc();
  metrics.promptTokens.inc(plan.promptTokens);
  let finished = false;
  let sentTokens = 0;
  const timers: { first?: Delay; next?: Delay; nextTimer?: NodeJS.Timeout } = {};
  response.once("close", () => {
    if (finished) return;
    finished = true;
    timers.first?.cancel();
    timers.next?.cancel();
    clearTimeout(timers.nextTimer);
    metrics.running.dec();
    metrics.generationTokens.inc(sentTokens);
  });
  const finish = (): void => {
    finished = true;
    metrics.running.dec();
    metrics.generationTokens.inc(generation.completionTokens);
  };

  const id = plan.format.idPrefix + randomUUID().replaceAll("-", "");
  const created = Math.floor(Date.now() / 1000);
  const usage: Usage = {
    prompt_tokens: plan.promptTokens,
    completion_tokens: generation.completionTokens,
    total_tokens: plan.promptTokens + generation.completionTokens,
  };
  const observeFirstToken = (): void => {
    metrics.timeToFirstToken.observe((performance.now() - plan.arrivedAt) / 1000);
  };

  if (!plan.stream) {
    timers.first = after(plan.ttftMs, () => {
      observeFirstToken();
      timers.next = after(plan.itlMs * Math.max(0, generation.completionTokens - 1), () => {
        const body = JSON.stringify(
          plan.format.complete(
            { id, created, model: plan.model },
            generationText(generation),
            generation.finishReason,
            generation.stopReason,
            usage,
          ),
        );
        finish();
        response.writeHead(200, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        });
        response.end(body);
      });
    });
    return;
  }

  const head = `data: {"id":"${id}","object":"${plan.format.chunkObject}","created":${created},"model":${JSON.stringify(plan.model)}`;
  // With include_usage every chunk but the last carries "usage": null, as OpenAI sends them.
  const end = plan.includeUsage ? `,"usage":null}\n\n` : "}\n\n";
  const tokenOpen = `${head},"choices":${plan.format.tokenOpen}`;
  const tokenClose = plan.format.tokenClose + end;
  const chunks = generation.count + (generation.tail === "" ? 0 : 1);

  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  if (plan.format.opening !== null) {
    response.write(`${head},"choices":${plan.format.opening}${end}`);
  } else {
    response.flushHeaders();
  }

  const writeClosing = (): void => {
    let closing = `${head},"choices":${plan.format.closing(generation.finishReason, generation.stopReason)}${end}`;
    if (plan.includeUsage) closing += `${head},"choices":[],"usage":${JSON.stringify(usage)}}\n\n`;
    finish();
    response.end(closing + DONE);
  };
  const writeNext = (): void => {
    if (finished) return;
    const piece =
      sentTokens < generation.count
        ? PIECE_JSON[generation.pieces[sentTokens]!]!
        : JSON.stringify(generation.tail);
    const flushed = response.write(tokenOpen + piece + tokenClose);
    sentTokens++;
    if (sentTokens >= chunks) {
      writeClosing();
      return;
    }
    if (flushed) scheduleNext();
    else response.once("drain", scheduleNext);
  };
  // One timer for all inter-token delays, re-armed rather than made anew per token; with no
  // delay, each token is still a write of its own, on the next turn of the event loop.
  const scheduleNext = (): void => {
    if (finished) return;
    if (plan.itlMs <= 0) timers.next = after(0, writeNext);
    else if (timers.nextTimer === undefined) timers.nextTimer = setTimeout(writeNext, plan.itlMs);
    else timers.nextTimer.refresh();
  };
  timers.first = after(plan.ttftMs, () => {
    observeFirstToken();
    if (chunks === 0) writeClosing();
    else writeNext();
  });
}
