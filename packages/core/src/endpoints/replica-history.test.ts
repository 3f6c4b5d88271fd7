import { describe, expect, it } from "vitest";
import { replicaHistory, type ReplicaCounts } from "./replica-history";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 12, minutes));
const counts = (minutes: number, ready: number, desired: number): ReplicaCounts => ({
  at: at(minutes),
  ready,
  desired,
});
const base = { windowStart: at(10), to: at(50), live: true, deleted: false, cut: false };

describe("an endpoint's replica history", () => {
  it("starts the window with what held at its start and keeps only the changes", () => {
    const history = replicaHistory({
      ...base,
      before: counts(2, 1, 1),
      inWindow: [counts(20, 1, 1), counts(25, 1, 2), counts(26, 2, 2), counts(40, 2, 2)],
    });
    expect(history).toEqual({
      from: at(10),
      to: at(50),
      live: true,
      points: [counts(10, 1, 1), counts(25, 1, 2), counts(26, 2, 2)],
    });
  });

  it("starts at the first sample of an endpoint younger than the window", () => {
    const history = replicaHistory({
      ...base,
      before: null,
      inWindow: [counts(30, 0, 1), counts(31, 1, 1)],
    });
    expect(history?.from).toEqual(at(30));
    expect(history?.points).toEqual([counts(30, 0, 1), counts(31, 1, 1)]);
  });

  it("starts at the first change read when there were more than it reads", () => {
    const history = replicaHistory({
      ...base,
      before: counts(2, 1, 1),
      inWindow: [counts(30, 0, 1), counts(31, 1, 1)],
      cut: true,
    });
    expect(history?.from).toEqual(at(30));
  });

  it("ends a deleted endpoint at none from its deletion", () => {
    const history = replicaHistory({
      ...base,
      live: false,
      deleted: true,
      to: at(45),
      before: null,
      inWindow: [counts(30, 2, 2)],
    });
    expect(history?.points).toEqual([counts(30, 2, 2), counts(45, 0, 0)]);
    expect(history?.to).toEqual(at(45));
  });

  it("is null when nothing was ever recorded", () => {
    expect(replicaHistory({ ...base, before: null, inWindow: [] })).toBeNull();
  });
});
