import { describe, expect, it } from "vitest";
import { readAuditFilters } from "./audit-filters";

describe("the audit log's filters", () => {
  it("turns valid filters into a query, days as whole UTC days", () => {
    const read = readAuditFilters({
      from: "2026-01-01",
      to: "2026-01-31",
      action: "review.scored",
      actorEmail: "ada@example.org",
    });
    expect(read.errors).toEqual({});
    expect(read.query).toEqual({
      organization: undefined,
      organizationId: undefined,
      actorEmail: "ada@example.org",
      action: "review.scored",
      from: new Date("2026-01-01T00:00:00.000Z"),
      to: new Date("2026-01-31T23:59:59.999Z"),
    });
  });

  it("shows a period that ends before it starts beside the to date, and loads nothing", () => {
    const read = readAuditFilters({ from: "2026-02-01", to: "2026-01-01" });
    expect(read.errors).toEqual({
      to: "To date must be on or after the from date (2026-02-01). Change one of them.",
    });
    expect(read.query).toBeNull();
    // The values stay in the form to be corrected.
    expect(read.values).toMatchObject({ from: "2026-02-01", to: "2026-01-01" });
  });

  it("names a date that is not one beside its own field", () => {
    const message = (field: string) =>
      `${field} must be a real date from the year 2000 on, written as yyyy-mm-dd (for example 2026-03-01).`;
    expect(readAuditFilters({ from: "01/02/2026" }).errors).toEqual({
      from: message("From date"),
    });
    expect(readAuditFilters({ to: "2026-02-31" }).errors).toEqual({ to: message("To date") });
    expect(readAuditFilters({ from: "1999-12-31" }).errors).toEqual({
      from: message("From date"),
    });
  });

  it("refuses a broken organisation link, an email that is not one and an unknown action", () => {
    const read = readAuditFilters({
      organizationId: "not an id!",
      actorEmail: "ada",
      action: "review.deleted",
    });
    expect(read.errors).toEqual({
      organization:
        "The organisation in this link is not valid. Search by the organisation's name instead.",
      actorEmail: "Enter the actor's whole email address, for example name@example.org.",
      action: "That action is not in the list. Choose one, or All actions.",
    });
    expect(read.query).toBeNull();
  });
});
