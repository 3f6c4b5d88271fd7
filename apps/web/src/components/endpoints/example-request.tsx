"use client";

import { useState } from "react";
import Link from "next/link";
import { Button } from "@tessera/ui";
import { API_KEY_VARIABLE, gatewayCurl } from "@/components/api-keys/example";
import { te } from "@/i18n";
import { routes } from "@/lib/paths";

/**
 * How to call the endpoint: through the gateway (its base URL, the organisation's API key as a
 * bearer token, the endpoint's model), never the model server's own address, which would skip
 * the key check and the metering. A copyable example request, whose copy is announced, and a link
 * to where keys are made.
 */
export function ExampleRequest({
  organizationId,
  gatewayBaseUrl,
  model,
  simulated,
}: {
  organizationId: string;
  /** gatewayBaseUrl of the configured GATEWAY_URL. */
  gatewayBaseUrl: string;
  model: string;
  /** Served by the simulated model server (it says so). */
  simulated: boolean;
}) {
  const d = te.detail;
  const [copied, setCopied] = useState<string | null>(null);
  const example = gatewayCurl(gatewayBaseUrl, API_KEY_VARIABLE, model);
  return (
    <div className="space-y-3">
      <p>
        <span className="font-semibold">{d.baseUrl}: </span>
        <code className="break-all font-mono text-sm" data-testid="endpoint-url">
          {gatewayBaseUrl}
        </code>
      </p>
      <p>
        <span className="font-semibold">{d.modelName}: </span>
        <code className="break-all font-mono text-sm">{model}</code>
      </p>
      <p>
        {d.keyNeeded(API_KEY_VARIABLE.slice(1))}{" "}
        <Link
          href={routes.apiKeys(organizationId)}
          className="font-semibold text-link underline"
          data-testid="endpoint-api-keys-link"
        >
          {d.keysLink}
        </Link>
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
