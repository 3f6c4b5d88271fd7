import { DataTable, Td, Th } from "@tessera/ui";
import { formatDateTime, t } from "@/i18n";

export interface AuditRow {
  id: string;
  occurredAt: Date;
  actorEmail: string | null;
  organizationName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
}

/** Audit events, newest first; the action is shown in words with its code beneath. */
export function AuditTable({
  events,
  showOrganisation,
}: {
  events: AuditRow[];
  showOrganisation: boolean;
}) {
  if (events.length === 0)
    return (
      <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
        {t.audit.empty}
      </p>
    );
  return (
    <DataTable caption={t.audit.tableCaption}>
      <thead>
        <tr>
          <Th>{t.audit.when}</Th>
          <Th>{t.audit.action}</Th>
          <Th>{t.audit.actor}</Th>
          {showOrganisation ? <Th>{t.audit.organisation}</Th> : null}
          <Th>{t.audit.target}</Th>
          <Th>{t.audit.from}</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-action={event.action}>
            <Td className="whitespace-nowrap">
              <time dateTime={event.occurredAt.toISOString()}>
                {formatDateTime(event.occurredAt)}
              </time>
            </Td>
            <Td>
              <span className="font-semibold">{t.auditActions[event.action] ?? event.action}</span>
              <code className="block font-mono text-xs text-fg-muted">{event.action}</code>
            </Td>
            <Td className="break-all">{event.actorEmail ?? t.audit.system}</Td>
            {showOrganisation ? <Td>{event.organizationName ?? "—"}</Td> : null}
            <Td>
              {event.targetType}
              {event.targetId ? (
                <code
                  className="block max-w-[12rem] truncate font-mono text-xs text-fg-muted"
                  title={event.targetId}
                >
                  {event.targetId}
                </code>
              ) : null}
            </Td>
            <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
