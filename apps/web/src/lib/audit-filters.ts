import { AUDIT_ACTIONS, type AuditAction } from "@tessera/core";
import { t } from "@/i18n";
import { param } from "./search-params";

/** The filters of the platform-wide audit log, as they arrive in the URL. */
export type AuditFilterValues = {
  organization?: string;
  /** Kept for links from an organisation's pages; the form filters by name. */
  organizationId?: string;
  actorEmail?: string;
  action?: string;
  from?: string;
  to?: string;
};

export type AuditFilterField = "organization" | "actorEmail" | "action" | "from" | "to";

/** What the audit log is asked for once the filters are read and checked. */
export interface AuditFilterQuery {
  organization?: string;
  organizationId?: string;
  actorEmail?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
}

export interface ReadAuditFilters {
  values: AuditFilterValues;
  /** One message per field that is not valid, to show beside it; empty when all are. */
  errors: Partial<Record<AuditFilterField, string>>;
  /** Null while any filter is not valid: nothing is loaded until it is corrected. */
  query: AuditFilterQuery | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A yyyy-mm-dd value as the first (or, for `to`, the last) millisecond of that UTC day. */
function day(value: string, edge: "start" | "end"): Date | null {
  const parts = DAY.exec(value);
  if (!parts) return null;
  const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const time = edge === "start" ? "00:00:00.000" : "23:59:59.999";
  const at = new Date(`${value}T${time}Z`);
  // Date rolls 2026-02-31 over to March; a day that does not exist is not a date.
  if (Number.isNaN(at.getTime()) || at.getUTCMonth() + 1 !== month || at.getUTCDate() !== date)
    return null;
  if (year < 2000) return null;
  return at;
}

/**
 * Reads the audit log's filters from the URL and checks each, so that a mistake is shown beside
 * its field (a date that is not one, a period that ends before it starts, a broken organisation
 * link) rather than as a failure of the whole page.
 */
export function readAuditFilters(
  query: Record<string, string | string[] | undefined>,
): ReadAuditFilters {
  const f = t.audit.filterErrors;
  const values: AuditFilterValues = {
    organization: param(query.organization),
    organizationId: param(query.organizationId),
    actorEmail: param(query.actorEmail),
    action: param(query.action),
    from: param(query.from),
    to: param(query.to),
  };
  const errors: Partial<Record<AuditFilterField, string>> = {};
  if (values.organization && values.organization.length > 200)
    errors.organization = f.organisationTooLong;
  else if (values.organizationId && !ROW_ID.test(values.organizationId))
    errors.organization = f.organisationLink;
  if (values.actorEmail && (values.actorEmail.length > 254 || !EMAIL.test(values.actorEmail)))
    errors.actorEmail = f.actorEmail;
  const action = (AUDIT_ACTIONS as readonly string[]).includes(values.action ?? "")
    ? (values.action as AuditAction)
    : undefined;
  if (values.action && !action) errors.action = f.action;
  const from = values.from ? day(values.from, "start") : undefined;
  const to = values.to ? day(values.to, "end") : undefined;
  if (from === null) errors.from = f.date(t.audit.filterFrom);
  if (to === null) errors.to = f.date(t.audit.filterTo);
  if (from && to && from > to) errors.to = f.endBeforeStart(values.from!);
  if (Object.keys(errors).length > 0) return { values, errors, query: null };
  return {
    values,
    errors,
    query: {
      organization: values.organization,
      organizationId: values.organizationId,
      actorEmail: values.actorEmail,
      action,
      from: from ?? undefined,
      to: to ?? undefined,
    },
  };
}
