import { formatMoney } from "@/components/programmes/format";
import { t } from "@/i18n";

const isMinor = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Pure: what an audit event's row says beside its action, where its data holds what a reader of
 * the log looks for — a list price before and after ("List price €2.95 → €3.50"). In the class's
 * currency when the event records it (events from 7 Dec 2026 on), as a plain amount before that.
 * Null for every other event, and for data not of the expected shape.
 */
export function auditDetail(action: string, data: unknown): string | null {
  if (action !== "resource_class.price_changed" || typeof data !== "object" || data === null)
    return null;
  const record = data as { currency?: unknown; changes?: { listPriceMinorPerHour?: unknown } };
  const change = record.changes?.listPriceMinorPerHour as { from?: unknown; to?: unknown } | null;
  if (!change || !isMinor(change.from) || !isMinor(change.to)) return null;
  const currency = typeof record.currency === "string" ? record.currency : null;
  const amount = (minor: number) =>
    currency ? formatMoney(minor, currency) : (minor / 100).toFixed(2);
  return t.audit.priceChange(amount(change.from), amount(change.to));
}
