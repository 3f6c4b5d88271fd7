"use client";

import { useEffect, useRef } from "react";
import { Alert, Button, TextInput } from "@tessera/ui";
import { formatDateTime, tk } from "@/i18n";
import { CopyButton } from "./copy-button";
import { MODEL_PLACEHOLDER, gatewayCurl } from "./example";
import { ReachNotice } from "./reach-notice";
import type { ShownKey } from "./types";

/**
 * The key itself, shown this once after it was created or rotated: in a read-only field to copy,
 * with a plain warning that it cannot be shown again, and a request to paste into a terminal that
 * calls the gateway with it. Focus moves here so that the warning is read first.
 */
export function IssuedKey({
  organizationId,
  shown,
  gatewayBaseUrl,
  canDeploy,
  onDismiss,
}: {
  organizationId: string;
  shown: ShownKey;
  gatewayBaseUrl: string;
  /** The signed-in member may deploy endpoints (the "nothing reachable" notice links there). */
  canDeploy: boolean;
  onDismiss: () => void;
}) {
  const i = tk.issued;
  const { key, secretKey } = shown.issued;
  // A model the key can actually call through the gateway (core's keyReach); null when none.
  const model = key.reach.example;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After the frame: a confirmation dialog that closed in the same update hands focus back to
    // its button first.
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [secretKey]);
  const example = gatewayCurl(gatewayBaseUrl, secretKey, model ?? MODEL_PLACEHOLDER);
  const grace = key.status.previousSecretValidUntil;
  return (
    <section
      aria-labelledby="issued-key-title"
      className="space-y-4 rounded-lg border-2 border-accent bg-surface p-5"
      data-testid="issued-key"
    >
      <h2
        id="issued-key-title"
        ref={heading}
        tabIndex={-1}
        className="text-lg font-bold wrap-anywhere"
      >
        {shown.kind === "created" ? i.createdTitle(key.name) : i.rotatedTitle(key.name)}
      </h2>
      <Alert tone="warning" title={i.warning} />
      {shown.kind === "rotated" ? (
        <p data-testid="issued-grace">
          {grace ? i.graceUntil(formatDateTime(grace)) : i.graceNone}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="issued-key-value" className="block font-semibold">
          {i.keyLabel}
        </label>
        <TextInput
          id="issued-key-value"
          readOnly
          value={secretKey}
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-sm"
          data-testid="issued-key-value"
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <CopyButton text={secretKey} label={i.copy} copied={i.copied} failed={i.copyFailed} />
      <div className="space-y-2">
        <p className="font-semibold" id="issued-example-title">
          {i.example}
        </p>
        {model ? (
          <p className="text-sm text-fg-muted">{i.exampleHint}</p>
        ) : (
          <ReachNotice
            reach={key.reach}
            of="key"
            organizationId={organizationId}
            projectId={key.project.id}
            canDeploy={canDeploy}
            extra={i.exampleNoModel}
            className="rounded-md border-l-4 border-warning-fg bg-surface-muted p-3 text-sm"
            testId="issued-key-unreachable"
          />
        )}
        <pre
          role="region"
          aria-labelledby="issued-example-title"
          tabIndex={0}
          data-testid="issued-key-example"
          className="max-h-64 overflow-auto whitespace-pre rounded-md border border-line bg-surface-muted p-3 font-mono text-xs"
        >
          {example}
        </pre>
        <CopyButton
          text={example}
          label={i.copyExample}
          copied={i.exampleCopied}
          failed={i.copyFailed}
        />
      </div>
      <Button variant="secondary" onClick={onDismiss}>
        {i.dismiss}
      </Button>
    </section>
  );
}
