import { formatDate } from "@/i18n";
import { formatMoney } from "@/components/programmes/format";

/** De minimis amounts are euro cents. */
export const euros = (minor: number) => formatMoney(minor, "EUR");

/** A ledger day ("2026-12-05") as the portal writes dates ("5 Dec 2026"). */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T00:00:00.000Z`));
}
