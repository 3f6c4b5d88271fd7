import Link from "next/link";
import type { AuditTarget } from "@tessera/core";
import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatDateTime, t } from "@/i18n";
import { auditDetail } from "@/lib/audit-detail";
import { adminOrganisationHref, auditTargetHref, type AuditScope } from "@/lib/audit-links";
import type { Viewer } from "@/lib/viewer";

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
  data?: unknown;
}

/** What the event's data says that a reader looks for (a price before and after), if anything. */
function AuditDetail({ event }: { event: AuditRow }) {
  const detail = auditDetail(event.action, event.data);
  return detail ? (
    <span className="block text-sm text-fg-muted" data-testid="audit-detail">
      {detail}
    </span>
  ) : null;
}

/**
 * What an event changed: its kind in words, and its name linked to its page where the viewer may
 * open it; otherwise the name and id as plain text.
 */
function TargetCell({
  event,
  scope,
  viewer,
}: {
  event: AuditRow;
  scope: AuditScope;
  viewer: Viewer;
}) {
  const kind = t.auditTargetTypes[event.targetType] ?? event.targetType;
  const href = auditTargetHref(viewer, scope, event);
  const name = event.target?.name;
  return (
    <>
      <span className="block text-sm text-fg-muted">{kind}</span>
      {name ? (
        href ? (
          <Link
            href={href}
            className="wrap-anywhere text-link underline"
            data-testid="audit-target"
          >
            {name}
          </Link>
        ) : (
          <>
            <span className="wrap-anywhere" data-testid="audit-target">
              {name}
            </span>
            <span className="block break-all font-mono text-xs text-fg-muted">
              {event.targetId}
            </span>
          </>
        )
      ) : event.targetId ? (
        <span className="text-sm text-fg-muted">{t.audit.unnamedTarget}</span>
      ) : null}
    </>
  );
}

/** The organisation an event belongs to, linked to its review page for those who may open it. */
function OrganisationCell({ event, viewer }: { event: AuditRow; viewer: Viewer }) {
  if (!event.organizationId || !event.organizationName) return "—";
  const href = adminOrganisationHref(viewer, event.organizationId);
  return href ? (
    <Link href={href} className="text-link underline">
      {event.organizationName}
    </Link>
  ) : (
    event.organizationName
  );
}

/** Audit events, newest first; the action in words, the target by name and linked. */
/** An e-mail address that wraps only before its "@", never mid-word. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  if (at <= 0) return <span className="wrap-anywhere">{address}</span>;
  return (
    <span data-testid="audit-actor">
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </span>
  );
}

export function AuditTable({
  events,
  showOrganisation,
  scope,
  viewer,
}: {
  events: AuditRow[];
  showOrganisation: boolean;
  scope: AuditScope;
  /** Who is looking: only pages they may open are linked. */
  viewer: Viewer;
}) {
  if (events.length === 0)
    return (
      <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
        {t.audit.empty}
      </p>
    );
  return (
    <ScrollTable caption={t.audit.tableCaption}>
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
              <AuditDetail event={event} />
            </Td>
            <Td>{event.actorEmail ? <Email address={event.actorEmail} /> : t.audit.system}</Td>
            {showOrganisation ? (
              <Td>
                <OrganisationCell event={event} viewer={viewer} />
              </Td>
            ) : null}
            <Td>
              <TargetCell event={event} scope={scope} viewer={viewer} />
            </Td>
            <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
