"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ConfirmDialog, Select, Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import type { MembershipRole } from "@tessera/db";
import { ActionNotice, useNotice } from "@/components/form/action-notice";
import { formatDate, t } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { useRefresh } from "./use-refresh";

export interface MemberRow {
  id: string;
  role: MembershipRole;
  createdAt: Date;
  user: { id: string; name: string | null; email: string | null };
}

const ROLES: MembershipRole[] = ["OWNER", "ADMIN", "MEMBER", "BILLING", "VIEWER"];

function displayName(member: MemberRow): string {
  return member.user.name ?? member.user.email ?? member.id;
}

function RoleControl({
  organizationId,
  member,
  onChanged,
  onFailed,
}: {
  organizationId: string;
  member: MemberRow;
  onChanged: (message: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const trpc = useTRPC();
  const [role, setRole] = useState<MembershipRole>(member.role);
  const update = useMutation(
    trpc.members.updateRole.mutationOptions({
      onSuccess: (_data, variables) =>
        onChanged(
          t.members.roleChanged(displayName(member), t.roles[variables.role] ?? variables.role),
        ),
      onError: (error) => {
        setRole(member.role);
        onFailed(error);
      },
    }),
  );
  const selectId = `role-${member.id}`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ organizationId, membershipId: member.id, role });
      }}
    >
      <label htmlFor={selectId} className="sr-only">
        {t.members.changeRole(displayName(member))}
      </label>
      <Select
        id={selectId}
        value={role}
        onChange={(event) => setRole(event.target.value as MembershipRole)}
        className="w-auto py-1 text-sm"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {t.roles[value]}
          </option>
        ))}
      </Select>
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        disabled={role === member.role}
        busy={update.isPending}
      >
        {t.common.save}
      </Button>
    </form>
  );
}

/** Members with role changes and removal for managers; everyone else sees the list. */
export function MembersTable({
  organizationId,
  organisationName,
  members,
  currentUserId,
  canManage,
}: {
  organizationId: string;
  organisationName: string;
  members: MemberRow[];
  currentUserId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const outcome = useNotice(refresh);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: () => {
        outcome.succeed(t.members.removed(removing ? displayName(removing) : ""));
        setRemoving(null);
      },
      onError: (error) => {
        outcome.fail(error);
        setRemoving(null);
      },
    }),
  );

  return (
    <div className="space-y-3">
      <ActionNotice notice={outcome.notice} />
      <ScrollTable caption={t.members.tableCaption}>
        <thead>
          <tr>
            <Th>{t.members.name}</Th>
            <Th>{t.members.email}</Th>
            <Th>{t.members.role}</Th>
            <Th>{t.members.joined}</Th>
            {canManage ? <Th>{t.members.actions}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const self = member.user.id === currentUserId;
            return (
              <tr key={member.id} data-testid={`member-${member.user.email ?? member.id}`}>
                <Td className="min-w-40 font-semibold wrap-anywhere">
                  {displayName(member)}{" "}
                  {self ? <span className="font-normal text-fg-muted">{t.members.you}</span> : null}
                </Td>
                <Td className="min-w-40 wrap-anywhere">{member.user.email}</Td>
                <Td>
                  {canManage && !self ? (
                    <RoleControl
                      key={member.role}
                      organizationId={organizationId}
                      member={member}
                      onChanged={outcome.succeed}
                      onFailed={outcome.fail}
                    />
                  ) : (
                    (t.roles[member.role] ?? member.role)
                  )}
                </Td>
                <Td>{formatDate(member.createdAt)}</Td>
                {canManage ? (
                  <Td>
                    {self ? null : (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setRemoving(member)}
                        aria-label={t.members.removeLabel(displayName(member))}
                      >
                        {t.members.remove}
                      </Button>
                    )}
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t.members.removeTitle(displayName(removing)) : ""}
        confirmLabel={t.members.removeConfirm}
        cancelLabel={t.common.cancel}
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ organizationId, membershipId: removing.id })}
      >
        <p>{removing ? t.members.removeBody(displayName(removing), organisationName) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
