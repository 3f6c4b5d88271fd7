"use client";

import { Badge, Td, Th, type Tone } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatDate, formatDateTime, tk } from "@/i18n";
import { KeyActions } from "./key-actions";
import type { ApiKeyState, ApiKeyView, ShownKey } from "./types";

const STATE_TONE: Record<ApiKeyState, Tone> = {
  ACTIVE: "success",
  EXPIRING_SOON: "warning",
  EXPIRED: "neutral",
  REVOKED: "danger",
};

export function KeyStatus({ apiKey }: { apiKey: ApiKeyView }) {
  const { state, previousSecretValidUntil } = apiKey.status;
  return (
    <>
      <Badge tone={STATE_TONE[state]}>
        <span data-testid="api-key-status">{tk.status[state]}</span>
      </Badge>
      {previousSecretValidUntil ? (
        <span className="mt-1 block text-sm" data-testid="api-key-grace">
          {tk.rotatedGrace(formatDateTime(previousSecretValidUntil))}
        </span>
      ) : null}
      {apiKey.revokedAt ? (
        <span className="mt-1 block text-sm text-fg-muted">
          {tk.revokedOn(formatDateTime(apiKey.revokedAt))}
        </span>
      ) : null}
    </>
  );
}

function Scope({ apiKey }: { apiKey: ApiKeyView }) {
  const open = apiKey.allowedModels.length === 0 && apiKey.endpoints.length === 0;
  return (
    <>
      {open ? <span className="block">{tk.allEndpoints}</span> : null}
      {apiKey.endpoints.length > 0 ? (
        <span className="block break-words">
          {tk.endpoints(apiKey.endpoints.map((endpoint) => endpoint.name).join(", "))}
        </span>
      ) : null}
      {apiKey.allowedModels.length > 0 ? (
        <span className="block break-all font-mono text-xs">
          {tk.models(apiKey.allowedModels.join(", "))}
        </span>
      ) : null}
      {apiKey.allowFallback ? (
        <span className="mt-1 block text-fg-muted">{tk.fallback}</span>
      ) : null}
    </>
  );
}

/** The organisation's keys: only their public prefix, never a secret. */
export function KeysTable({
  organizationId,
  keys,
  onIssued,
  onNotice,
}: {
  organizationId: string;
  keys: ApiKeyView[];
  onIssued: (shown: ShownKey) => void;
  onNotice: (notice: { message: string; ok: boolean }) => void;
}) {
  const c = tk.col;
  return (
    <ScrollTable caption={tk.caption} stickyFirstColumn>
      <thead>
        <tr>
          <Th>{c.key}</Th>
          <Th>{c.status}</Th>
          <Th>{c.scope}</Th>
          <Th>{c.limits}</Th>
          <Th>{c.expires}</Th>
          <Th>{c.lastUsed}</Th>
          <Th>{c.actions}</Th>
        </tr>
      </thead>
      <tbody>
        {keys.map((apiKey) => (
          <tr key={apiKey.id} data-testid={`api-key-${apiKey.id}`}>
            <Td className="min-w-44 max-w-56 sm:max-w-none">
              <span className="block font-semibold break-words">{apiKey.name}</span>
              <code className="block break-all font-mono text-xs" data-testid="api-key-prefix">
                {apiKey.prefix}
              </code>
              <span className="block">{apiKey.project.name}</span>
              {apiKey.createdBy ? (
                <span className="block text-fg-muted">{tk.by(apiKey.createdBy.name)}</span>
              ) : null}
            </Td>
            <Td className="min-w-40">
              <KeyStatus apiKey={apiKey} />
            </Td>
            <Td className="min-w-48">
              <Scope apiKey={apiKey} />
            </Td>
            <Td className="min-w-44">
              <span className="block">{tk.requestsPerMinute(apiKey.requestsPerMinute)}</span>
              <span className="block">{tk.tokensPerMinute(apiKey.tokensPerMinute)}</span>
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={apiKey.expiresAt.toISOString()}>{formatDate(apiKey.expiresAt)}</time>
            </Td>
            <Td className="whitespace-nowrap">
              {apiKey.lastUsedAt ? (
                <time dateTime={apiKey.lastUsedAt.toISOString()}>
                  {formatDateTime(apiKey.lastUsedAt)}
                </time>
              ) : (
                <span className="text-fg-muted">{tk.neverUsed}</span>
              )}
            </Td>
            <Td className="min-w-40">
              {apiKey.status.state === "REVOKED" ? (
                <span className="text-fg-muted">{tk.noActions}</span>
              ) : apiKey.manageable ? (
                <KeyActions
                  organizationId={organizationId}
                  apiKey={apiKey}
                  onIssued={onIssued}
                  onNotice={onNotice}
                />
              ) : (
                <span className="text-sm text-fg-muted">{tk.notYours}</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
