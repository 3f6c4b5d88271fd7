import { describe, expect, it } from "vitest";
import { submissionDated } from "./submission-dated";

const entry = (status: "ACCEPTED" | "SUBMITTED" | "RUNNING" | "COMPLETED", iso: string) => ({
  status,
  createdAt: new Date(iso),
});

describe("submissionDated", () => {
  it("never shows Running before Submitted when the backend's start precedes the recorded hand-over", () => {
    const startedAt = new Date("2026-01-01T22:42:19Z");
    const shown = submissionDated(
      [
        entry("ACCEPTED", "2026-01-01T22:42:18.100Z"),
        entry("SUBMITTED", "2026-01-01T22:42:20.412Z"),
        entry("RUNNING", "2026-01-01T22:42:19Z"),
      ],
      startedAt,
    );
    expect(shown.map((e) => e.createdAt)).toEqual([
      new Date("2026-01-01T22:42:18.100Z"),
      startedAt,
      startedAt,
    ]);
  });

  it("keeps a submission recorded before the start, and a job that never started, as they are", () => {
    const events = [
      entry("SUBMITTED", "2026-01-01T22:42:20Z"),
      entry("RUNNING", "2026-01-01T22:42:25Z"),
    ];
    expect(submissionDated(events, new Date("2026-01-01T22:42:25Z"))).toEqual(events);
    expect(submissionDated(events.slice(0, 1), null)).toEqual(events.slice(0, 1));
  });
});
