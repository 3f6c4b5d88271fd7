import { describe, expect, it } from "vitest";
import type { StateAidLedgerEntry } from "@tessera/core";
import { stateAidCsvHeader, stateAidCsvLine } from "./state-aid-csv";

/** The register's layout before the time zone was named; importers read these by position. */
const FIRST_LAYOUT =
  "record_id,kind,undertaking,registry_id,country,group,group_registry_id,grant_date,gross_grant_equivalent_eur,currency,programme,grantor,legal_basis,award_id,application_id,booked_at";

/** Other aid an applicant declared, as the ledger lists it. */
const declared: StateAidLedgerEntry = {
  id: "r2",
  kind: "DECLARED",
  organization: { id: "o1", name: "Lumen", country: "IT", registryId: "X" },
  group: null,
  programme: null,
  requestId: "a1",
  allocationId: null,
  grantor: "Regional agency",
  legalBasis: "Declared by the applicant as other de minimis aid",
  grantedOn: "2025-01-15",
  grossGrantEquivalentMinor: 5,
  currency: "EUR",
  ceilingMinor: null,
  windowTotalMinor: null,
  bookedAt: new Date("2026-12-05T10:00:00Z"),
  repeats: null,
};

describe("state-aid register CSV", () => {
  it("keeps the first layout in place and appends the grant date's time zone, then whether a row counts", () => {
    expect(stateAidCsvHeader()).toBe(
      `${FIRST_LAYOUT},grant_date_time_zone,counted_in_total,repeats_record_id`,
    );
  });

  it("writes one aid per line with the amount in euros to the cent and inert text", () => {
    const line = stateAidCsvLine({
      id: "r1",
      kind: "AWARD",
      organization: {
        id: "o1",
        name: "Lumen Robotics, S.r.l.",
        country: "IT",
        registryId: "MI-2650142",
      },
      group: { id: "g1", name: "=Lumen Holding", registryId: "MI-1" },
      programme: { id: "p1", name: "Startup Compute Vouchers" },
      requestId: "a1",
      allocationId: "al1",
      grantor: "Ministry of Enterprise",
      legalBasis: "Commission Regulation (EU) 2023/2831 (de minimis aid)",
      grantedOn: "2026-12-05",
      grossGrantEquivalentMinor: 1_234_505,
      currency: "EUR",
      ceilingMinor: 30_000_000,
      windowTotalMinor: 1_234_505,
      bookedAt: new Date("2026-12-05T10:00:00Z"),
      repeats: null,
    });
    expect(line).toBe(
      [
        "r1",
        "AWARD",
        '"Lumen Robotics, S.r.l."',
        "MI-2650142",
        "IT",
        "'=Lumen Holding",
        "MI-1",
        "2026-12-05",
        "12345.05",
        "EUR",
        "Startup Compute Vouchers",
        "Ministry of Enterprise",
        "Commission Regulation (EU) 2023/2831 (de minimis aid)",
        "al1",
        "a1",
        "2026-12-05T10:00:00.000Z",
        "Europe/Brussels",
        "yes",
        "",
      ].join(","),
    );
  });

  it("leaves the group and award empty for declared aid without them", () => {
    const line = stateAidCsvLine(declared);
    const cells = line.split(",");
    expect(cells).toHaveLength(19);
    expect(cells.slice(5, 9)).toEqual(["", "", "2025-01-15", "0.05"]);
    expect(cells[13]).toBe("");
    expect(cells.slice(16)).toEqual(["Europe/Brussels", "yes", ""]);
  });

  it("says a declaration repeated with a later application counts no more, and names the row it repeats", () => {
    const cells = stateAidCsvLine({
      ...declared,
      id: "r3",
      requestId: "a2",
      repeats: { id: "r2", requestId: "a1", applicationTitle: "First", programmeId: "p1" },
    }).split(",");
    expect(cells.slice(-2)).toEqual(["no", "r2"]);
  });
});
