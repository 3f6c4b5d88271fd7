import { formatDate, formatZonedDay, tsa } from "@/i18n";
import { formatMoney } from "@/components/programmes/format";

/** De minimis amounts are euro cents. */
export const euros = (minor: number) => formatMoney(minor, "EUR");

/**
 * A ledger day ("2026-12-05") as the portal writes dates ("5 Dec 2026"), for a table whose
 * header or a sentence that names the time zone once (ledger days are Brussels calendar days).
 */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T00:00:00.000Z`));
}

/** A ledger day on its own, naming its zone: "5 Dec 2026 (Brussels time)". */
export function formatDayWithZone(day: string): string {
  return formatZonedDay(day, tsa.zone);
}
