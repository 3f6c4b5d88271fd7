"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { API_KEY_LIMITS, ROTATION_GRACES, type RotationGrace } from "@tessera/core/api-key-rules";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { InputField, RadioGroupField } from "@/components/form/fields";
import { parseWholeNumber } from "@/components/programmes/format";
import { tk } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import type { ApiKeyView, ShownKey } from "./types";

/**
 * What the key's creator (or an owner or admin) can do with it: change its name, limits and
 * fallback, rotate it, choosing how long the current secret keeps working (the new key is then
 * shown once), and revoke it (asked once).
 */
export function KeyActions({
  organizationId,
  apiKey,
  onIssued,
  onNotice,
}: {
  organizationId: string;
  apiKey: ApiKeyView;
  onIssued: (shown: ShownKey) => void;
  onNotice: (notice: { message: string; ok: boolean }) => void;
}) {
  const trpc = useTRPC();
  const [grace, setGrace] = useState<RotationGrace>("HOUR");
  const [rotateError, setRotateError] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const rotate = useMutation(trpc.apiKeys.rotate.mutationOptions());
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());
  const ref = { organizationId, apiKeyId: apiKey.id };
  const usable = apiKey.status.state === "ACTIVE" || apiKey.status.state === "EXPIRING_SOON";
  const r = tk.rotate;
  const v = tk.revoke;

  return (
    <div className="flex flex-wrap gap-2">
      {usable ? (
        <EditKey organizationId={organizationId} apiKey={apiKey} onNotice={onNotice} />
      ) : null}
      {usable ? (
        <div>
          <ActionWithConfirm
            label={r.label}
            button={{ variant: "secondary", size: "sm", "aria-label": `${r.label} ${apiKey.name}` }}
            title={r.title(apiKey.name)}
            confirmLabel={r.confirm}
            busy={rotate.isPending}
            error={rotateError}
            onOpen={() => setRotateError(null)}
            onConfirm={(close) =>
              rotate.mutate(
                { ...ref, grace },
                {
                  onSuccess: (issued) => {
                    close();
                    onIssued({ issued, kind: "rotated" });
                  },
                  onError: (error) => {
                    close();
                    setRotateError(errorMessageFrom(error));
                  },
                },
              )
            }
          >
            <div className="space-y-3">
              <p>{r.body}</p>
              <RadioGroupField
                name={`grace-${apiKey.id}`}
                legend={r.grace}
                options={ROTATION_GRACES.map((value) => ({ value, label: r.graces[value] }))}
                value={grace}
                onChange={setGrace}
              />
            </div>
          </ActionWithConfirm>
        </div>
      ) : null}
      <div>
        <ActionWithConfirm
          label={v.label}
          button={{ variant: "danger", size: "sm", "aria-label": `${v.label} ${apiKey.name}` }}
          title={v.title(apiKey.name)}
          confirmLabel={v.confirm}
          cancelLabel={v.keep}
          busy={revoke.isPending}
          error={revokeError}
          onOpen={() => setRevokeError(null)}
          onConfirm={(close) =>
            revoke.mutate(ref, {
              onSuccess: (revoked) => {
                close();
                onNotice({ message: revoked.message, ok: true });
              },
              onError: (error) => {
                close();
                setRevokeError(errorMessageFrom(error));
              },
            })
          }
        >
          <p>{v.body}</p>
        </ActionWithConfirm>
      </div>
    </div>
  );
}

/** Name, limits and fallback, changed in place; the gateway applies them within seconds. */
function EditKey({
  organizationId,
  apiKey,
  onNotice,
}: {
  organizationId: string;
  apiKey: ApiKeyView;
  onNotice: (notice: { message: string; ok: boolean }) => void;
}) {
  const trpc = useTRPC();
  const update = useMutation(trpc.apiKeys.update.mutationOptions());
  const [name, setName] = useState(apiKey.name);
  const [requests, setRequests] = useState(String(apiKey.requestsPerMinute));
  const [tokens, setTokens] = useState(String(apiKey.tokensPerMinute));
  const [fallback, setFallback] = useState(apiKey.allowFallback);
  const [error, setError] = useState<string | null>(null);
  const e = tk.edit;
  const { requestsPerMinute: rpm, tokensPerMinute: tpm } = API_KEY_LIMITS;
  const reset = () => {
    setName(apiKey.name);
    setRequests(String(apiKey.requestsPerMinute));
    setTokens(String(apiKey.tokensPerMinute));
    setFallback(apiKey.allowFallback);
    setError(null);
  };
  const id = (field: string) => `edit-${apiKey.id}-${field}`;
  return (
    <div>
      <ActionWithConfirm
        label={e.label}
        button={{ variant: "secondary", size: "sm", "aria-label": `${e.label} ${apiKey.name}` }}
        title={e.title(apiKey.name)}
        confirmLabel={e.confirm}
        busy={update.isPending}
        onOpen={reset}
        onConfirm={(close) => {
          const requestsPerMinute = parseWholeNumber(requests);
          const tokensPerMinute = parseWholeNumber(tokens);
          const trimmed = name.trim();
          const problem =
            trimmed === ""
              ? tk.create.required.name
              : requestsPerMinute === null ||
                  requestsPerMinute < rpm.min ||
                  requestsPerMinute > rpm.max
                ? tk.create.required.requests(rpm.max)
                : tokensPerMinute === null || tokensPerMinute < tpm.min || tokensPerMinute > tpm.max
                  ? tk.create.required.tokens(tpm.max)
                  : null;
          if (problem !== null) {
            setError(problem);
            return;
          }
          update.mutate(
            {
              organizationId,
              apiKeyId: apiKey.id,
              name: trimmed,
              requestsPerMinute: requestsPerMinute!,
              tokensPerMinute: tokensPerMinute!,
              allowFallback: fallback,
            },
            {
              onSuccess: () => {
                close();
                onNotice({ message: e.saved(trimmed), ok: true });
              },
              onError: (failure) => setError(errorMessageFrom(failure)),
            },
          );
        }}
      >
        <div className="space-y-4">
          <p>{e.body}</p>
          {error ? (
            <p role="alert" className="text-sm font-semibold text-danger">
              {error}
            </p>
          ) : null}
          <InputField
            id={id("name")}
            label={tk.create.name}
            value={name}
            maxLength={API_KEY_LIMITS.nameMax}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              id={id("requests")}
              label={tk.create.requestsPerMinute}
              hint={tk.create.requestsHint(rpm.max)}
              inputMode="numeric"
              value={requests}
              onChange={(event) => setRequests(event.target.value)}
            />
            <InputField
              id={id("tokens")}
              label={tk.create.tokensPerMinute}
              hint={tk.create.tokensHint(tpm.max)}
              inputMode="numeric"
              value={tokens}
              onChange={(event) => setTokens(event.target.value)}
            />
          </div>
          <div className="flex items-center gap-2">
            <input
              id={id("fallback")}
              type="checkbox"
              checked={fallback}
              onChange={(event) => setFallback(event.target.checked)}
              className="size-5 shrink-0"
            />
            <label htmlFor={id("fallback")}>{tk.create.fallback}</label>
          </div>
        </div>
      </ActionWithConfirm>
    </div>
  );
}
