import Link from "next/link";
import type { AuditTarget } from "@tessera/core";
import { DataTable, Td, Th } from "@tessera/ui";
import { formatDateTime, t } from "@/i18n";
import { auditTargetHref, type AuditScope } from "@/lib/audit-links";
import { routes } from "@/lib/paths";

export interface AuditRow {
  id: string;
  occurredAt: Date;
  actorEmail: string | null;
  organizationId: string | null;
  organizationName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  target: AuditTarget | null;
  ip: string | null;
}

/** What an event changed: its kind in words, and its name linked to its page where it has one. */
function TargetCell({ event, scope }: { event: AuditRow; scope: AuditScope }) {
  const kind = t.auditTargetTypes[event.targetType] ?? event.targetType;
  const href = auditTargetHref(scope, event);
  const name = event.target?.name;
  return (
    <>
      <span className="block text-sm text-fg-muted">{kind}</span>
      {name ? (
        href ? (
          <Link href={href} className="break-words text-link underline" data-testid="audit-target">
            {name}
          </Link>
        ) : (
          <span className="break-words" data-testid="audit-target">
            {name}
          </span>
        )
      ) : event.targetId ? (
        <span className="text-sm text-fg-muted">{t.audit.unnamedTarget}</span>
      ) : null}
    </>
  );
}

/** Audit events, newest first; the action in words, the target by name and linked. */
export function AuditTable({
  events,
  showOrganisation,
  scope,
}: {
  events: AuditRow[];
  showOrganisation: boolean;
  scope: AuditScope;
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
              <span className="font-semibold" data-testid="audit-action">
                {t.auditActions[event.action] ?? event.action}
              </span>
            </Td>
            <Td className="break-all">{event.actorEmail ?? t.audit.system}</Td>
            {showOrganisation ? (
              <Td>
                {event.organizationId && event.organizationName ? (
                  <Link
                    href={routes.adminOrganisation(event.organizationId)}
                    className="text-link underline"
                  >
                    {event.organizationName}
                  </Link>
                ) : (
                  "—"
                )}
              </Td>
            ) : null}
            <Td>
              <TargetCell event={event} scope={scope} />
            </Td>
            <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
