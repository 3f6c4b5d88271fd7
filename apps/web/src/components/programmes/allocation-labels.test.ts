import { describe, expect, it } from "vitest";
import { allocationTableCaptions } from "./allocation-labels";

const allocation = (title: string, from: string, to: string) => ({
  programme: { name: "AI for Science" },
  application: { title },
  validFrom: new Date(`${from}T00:00:00Z`),
  validTo: new Date(`${to}T00:00:00Z`),
});

describe("an allocation card's table names", () => {
  it("differ between two allocations of the same programme", () => {
    const cards = [
      allocation("Speech encoders", "2026-01-01", "2026-12-31"),
      allocation("Protein folding", "2026-01-01", "2026-12-31"),
      allocation("Speech encoders", "2027-01-01", "2027-12-31"),
    ].map(allocationTableCaptions);
    const labels = cards.flatMap((captions) => [captions.lines, captions.pricing]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("name the programme, the application and the dates", () => {
    const { lines } = allocationTableCaptions(
      allocation("Speech encoders", "2026-01-01", "2026-12-31"),
    );
    expect(lines).toMatch(/^Quota lines of the AI for Science allocation for “Speech encoders”/);
    expect(lines).toContain("2026");
  });
});
