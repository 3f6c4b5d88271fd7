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
  const timers: { first?: NodeJS.Timeout; next?: NodeJS.Timeout } = {};
  response.once("close", () => {
    if (finished) return;
    finished = true;
    clearTimeout(timers.first);
    clearTimeout(timers.next);
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
    timers.first = setTimeout(() => {
      observeFirstToken();
      timers.next = setTimeout(
        () => {
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
        },
        plan.itlMs * Math.max(0, generation.completionTokens - 1),
      );
    }, plan.ttftMs);
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
  // One timer for all inter-token delays, re-armed rather than made anew per token.
  const scheduleNext = (): void => {
    if (finished) return;
    if (timers.next === undefined) timers.next = setTimeout(writeNext, plan.itlMs);
    else timers.next.refresh();
  };
  timers.first = setTimeout(() => {
    observeFirstToken();
    if (chunks === 0) writeClosing();
    else writeNext();
  }, plan.ttftMs);
}
