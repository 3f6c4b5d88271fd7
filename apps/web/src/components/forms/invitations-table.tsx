"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ConfirmDialog, Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { InvitationBadge, type InvitationStatus } from "@/components/status-badge";
import { formatDateTime, t } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: { name: string | null; email: string | null };
}

export function InvitationsTable({
  organizationId,
  invitations,
}: {
  organizationId: string;
  invitations: InvitationRow[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [revoking, setRevoking] = useState<InvitationRow | null>(null);
  const outcome = useNotice(refresh);
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () => {
        outcome.succeed(t.members.revoked(revoking?.email ?? ""));
        setRevoking(null);
      },
      onError: (error) => {
        outcome.fail(error);
        setRevoking(null);
      },
    }),
  );

  if (invitations.length === 0) return <p className="text-fg-muted">{t.members.noInvitations}</p>;
  return (
    <div className="space-y-3">
      <ActionNotice notice={outcome.notice} />
      <ScrollTable caption={t.members.invitationsCaption}>
        <thead>
          <tr>
            <Th>{t.members.email}</Th>
            <Th>{t.members.role}</Th>
            <Th>{t.members.status}</Th>
            <Th>{t.members.invitedBy}</Th>
            <Th>{t.members.expires}</Th>
            <Th>{t.members.actions}</Th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-testid={`invitation-${invitation.email}`}>
              <Td className="min-w-40 font-semibold wrap-anywhere">{invitation.email}</Td>
              <Td>{t.roles[invitation.role] ?? invitation.role}</Td>
              <Td>
                <InvitationBadge status={invitation.status} />
              </Td>
              <Td>{invitation.invitedBy.name ?? invitation.invitedBy.email}</Td>
              <Td>{formatDateTime(invitation.expiresAt)}</Td>
              <Td>
                {invitation.status === "PENDING" ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setRevoking(invitation)}
                    aria-label={t.members.revokeLabel(invitation.email)}
                  >
                    {t.members.revoke}
                  </Button>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? t.members.revokeTitle(revoking.email) : ""}
        confirmLabel={t.members.revokeConfirm}
        cancelLabel={t.common.cancel}
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ organizationId, invitationId: revoking.id })}
      >
        <p>{t.members.revokeBody}</p>
      </ConfirmDialog>
    </div>
  );
}
