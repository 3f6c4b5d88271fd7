"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ROTATION_GRACES, type RotationGrace } from "@tessera/core/api-key-rules";
import { ActionWithConfirm } from "@/components/form/action-with-confirm";
import { RadioGroupField } from "@/components/form/fields";
import { tk } from "@/i18n";
import { errorMessageFrom } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import type { ApiKeyView, ShownKey } from "./types";

/**
 * What the key's creator (or an owner or admin) can do with it: rotate it, choosing how long the
 * current secret keeps working (the new key is then shown once), and revoke it (asked once).
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
