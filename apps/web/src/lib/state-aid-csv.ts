import { STATE_AID_TIME_ZONE, type StateAidLedgerEntry } from "@tessera/core";
import { moneyInputValue } from "../components/programmes/format";
import { csvCell } from "./audit-csv";

/**
 * The national register's columns: one row per aid, amounts in euros with two decimals. The grant
 * date is a calendar day in Brussels, and grant_date_time_zone says so; booked_at is UTC (ISO 8601).
 * Importers read by position, so columns are only ever appended: grant_date_time_zone, then
 * counted_in_total and repeats_record_id. The same declared aid has a row for each application
 * that declared it; all but the first say "no" and name the row they repeat, so that the rows
 * saying "yes" add up to the undertaking totals.
 */
const COLUMNS = [
  "record_id",
  "kind",
  "undertaking",
  "registry_id",
  "country",
  "group",
  "group_registry_id",
  "grant_date",
  "gross_grant_equivalent_eur",
  "currency",
  "programme",
  "grantor",
  "legal_basis",
  "award_id",
  "application_id",
  "booked_at",
  "grant_date_time_zone",
  "counted_in_total",
  "repeats_record_id",
] as const;

export function stateAidCsvHeader(): string {
  return COLUMNS.join(",");
}

/** One ledger row as a CSV line (without its line break). */
export function stateAidCsvLine(entry: StateAidLedgerEntry): string {
  const cells: Record<(typeof COLUMNS)[number], string | null> = {
    record_id: entry.id,
    kind: entry.kind,
    undertaking: entry.organization.name,
    registry_id: entry.organization.registryId,
    country: entry.organization.country,
    group: entry.group?.name ?? null,
    group_registry_id: entry.group?.registryId ?? null,
    grant_date: entry.grantedOn,
    gross_grant_equivalent_eur: moneyInputValue(entry.grossGrantEquivalentMinor, entry.currency),
    currency: entry.currency,
    programme: entry.programme?.name ?? null,
    grantor: entry.grantor,
    legal_basis: entry.legalBasis,
    award_id: entry.allocationId,
    application_id: entry.requestId,
    booked_at: entry.bookedAt.toISOString(),
    grant_date_time_zone: STATE_AID_TIME_ZONE,
    counted_in_total: entry.repeats ? "no" : "yes",
    repeats_record_id: entry.repeats?.id ?? null,
  };
  return COLUMNS.map((column) => csvCell(cells[column])).join(",");
}
