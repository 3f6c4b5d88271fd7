import { describe, expect, it } from "vitest";
import { auditCsvHeader, auditCsvLine, csvCell } from "./audit-csv";

describe("audit CSV", () => {
  it("quotes what must be quoted and makes spreadsheet formulas inert", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell(null)).toBe("");
  });

  it("writes each event with its action and target in words, and both hashes", () => {
    const line = auditCsvLine({
      record: {
        id: "7",
        occurredAt: "2026-12-05T10:00:00.000Z",
        actorId: "u1",
        actorEmail: "ada@northbridge.test",
        organizationId: "o1",
        action: "organization.verified",
        targetType: "Organization",
        targetId: "o1",
        ip: null,
        userAgent: null,
        data: { note: "ok, fine" },
        prevHash: "a".repeat(64),
        hash: "b".repeat(64),
      },
      organizationName: "Northbridge University AI Lab",
      targetName: "Northbridge University AI Lab",
    });
    const header = auditCsvHeader().split(",");
    expect(header).toContain("prev_hash");
    expect(line).toContain(",Organisation verified,organization.verified,");
    expect(line).toContain(",Organisation,Northbridge University AI Lab,o1,");
    expect(line).toContain('"{""note"":""ok, fine""}"');
    expect(line.endsWith(`${"a".repeat(64)},${"b".repeat(64)}`)).toBe(true);
  });
});
