"use client";

import { useState } from "react";
import { Button } from "@tessera/ui";
import { te } from "@/i18n";

/** The example request people copy: an OpenAI-compatible chat completion against the base URL. */
export function exampleCurl(baseUrl: string, model: string): string {
  const body = JSON.stringify({
    model,
    messages: [{ role: "user", content: te.detail.examplePrompt }],
    max_tokens: 32,
  });
  return [
    `curl -sS ${baseUrl.replace(/\/+$/, "")}/v1/chat/completions \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join("\n");
}

/** The base URL and a copyable example request; the copy's outcome is announced. */
export function ExampleRequest({
  url,
  model,
  simulated,
}: {
  url: string;
  model: string;
  /** Served by the simulated model server (it says so). */
  simulated: boolean;
}) {
  const d = te.detail;
  const [copied, setCopied] = useState<string | null>(null);
  const example = exampleCurl(url, model);
  return (
    <div className="space-y-3">
      <p>
        <span className="font-semibold">{d.baseUrl}: </span>
        <code className="break-all font-mono text-sm" data-testid="endpoint-url">
          {url}
        </code>
      </p>
      <p className="font-semibold" id="example-request-title">
        {d.example}
      </p>
      <pre
        role="region"
        aria-labelledby="example-request-title"
        tabIndex={0}
        data-testid="endpoint-example"
        className="max-h-64 overflow-auto whitespace-pre rounded-md border border-line bg-surface-muted p-3 font-mono text-xs"
      >
        {example}
      </pre>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard.writeText(example).then(
              () => setCopied(d.copied),
              () => setCopied(d.copyFailed),
            );
          }}
        >
          {d.copy}
        </Button>
        <p role="status" className="text-sm">
          {copied}
        </p>
      </div>
      {simulated ? <p className="text-sm text-fg-muted">{d.exampleNote}</p> : null}
    </div>
  );
}
