"use client";

import { Badge, Td, Th, type Tone } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatDate, formatDateTime, tk } from "@/i18n";
import { KeyActions } from "./key-actions";
import { ReachNotice } from "./reach-notice";
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

function Scope({
  apiKey,
  organizationId,
  canDeploy,
}: {
  apiKey: ApiKeyView;
  organizationId: string;
  canDeploy: boolean;
}) {
  const open = apiKey.allowedModels.length === 0 && apiKey.endpoints.length === 0;
  const { place } = apiKey.reach;
  const usable = apiKey.status.state === "ACTIVE" || apiKey.status.state === "EXPIRING_SOON";
  return (
    <>
      {open ? (
        <span className="block" data-testid="api-key-scope">
          {place.kind === "IN" ? tk.allEndpointsIn(place.place) : tk.allEndpoints}
        </span>
      ) : null}
      {apiKey.endpoints.length > 0 ? (
        <span className="block wrap-anywhere">
          {tk.endpoints(apiKey.endpoints.map((endpoint) => endpoint.name).join(", "))}
        </span>
      ) : null}
      {apiKey.allowedModels.length > 0 ? (
        <span className="block break-all font-mono text-xs">
          {tk.models(apiKey.allowedModels.join(", "))}
        </span>
      ) : null}
      {!open && place.kind === "IN" ? (
        <span className="block">{tk.onlyIn(place.place)}</span>
      ) : null}
      {usable ? (
        <ReachNotice
          reach={apiKey.reach}
          of="key"
          organizationId={organizationId}
          projectId={apiKey.project.id}
          canDeploy={canDeploy}
          className="mt-1 block border-l-4 border-warning-fg pl-2"
          testId="api-key-unreachable"
        />
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
  canDeploy,
  onIssued,
  onNotice,
}: {
  organizationId: string;
  keys: ApiKeyView[];
  canDeploy: boolean;
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
          <Th>{c.expires}</Th>
        </tr>
      </thead>
      <tbody>
        {keys.map((apiKey) => (
          <tr key={apiKey.id} data-testid={`api-key-${apiKey.id}`}>
            <Td className="min-w-52 wrap-anywhere">
              <span className="block font-semibold">{apiKey.name}</span>
              <code
                className="block whitespace-nowrap font-mono text-xs"
                data-testid="api-key-prefix"
              >
                {apiKey.prefix}
              </code>
              <span className="block">{apiKey.project.name}</span>
              {apiKey.createdBy ? (
                <span className="block text-fg-muted">{tk.by(apiKey.createdBy.name)}</span>
              ) : null}
              {/* The actions sit with the key, in the column that stays in view on a phone. */}
              <div className="mt-2">
                {apiKey.status.state === "REVOKED" ? (
                  <span className="text-sm text-fg-muted">{tk.noActions}</span>
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
              </div>
            </Td>
            <Td className="min-w-36">
              <KeyStatus apiKey={apiKey} />
            </Td>
            <Td className="min-w-52">
              <Scope apiKey={apiKey} organizationId={organizationId} canDeploy={canDeploy} />
              <span className="mt-1 block text-fg-muted" data-testid="api-key-limits">
                {tk.limits(apiKey.requestsPerMinute, apiKey.tokensPerMinute)}
              </span>
            </Td>
            <Td className="min-w-32">
              <time className="block" dateTime={apiKey.expiresAt.toISOString()}>
                {formatDate(apiKey.expiresAt)}
              </time>
              <span className="block text-fg-muted">
                {apiKey.lastUsedAt ? (
                  <>
                    {tk.lastUsed}{" "}
                    <time dateTime={apiKey.lastUsedAt.toISOString()}>
                      {formatDateTime(apiKey.lastUsedAt)}
                    </time>
                  </>
                ) : (
                  tk.neverUsed
                )}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
