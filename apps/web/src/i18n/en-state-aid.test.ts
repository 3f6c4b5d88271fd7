import { describe, expect, it } from "vitest";
import { enStateAid } from "./en-state-aid";

describe("the sentence about an undertaking's group", () => {
  const group = enStateAid.standing.group;

  it("says the group has no one else on Tessera, and lists no one, when it has no other member", () => {
    const text = group("Vela Group", []);
    expect(text).toBe(
      "It belongs to the undertaking group Vela Group, which has no other organisation on Tessera.",
    );
    expect(text).not.toMatch(/[,:]\s*\.?$/);
  });

  it("names the one other organisation", () => {
    expect(group("Vela Group", ["Vela Optics"])).toBe(
      "It counts as one undertaking with the other organisation of its group, Vela Group: Vela Optics.",
    );
  });

  it("names two with 'and' and several with commas and a final 'and'", () => {
    expect(group("Vela Group", ["Vela Optics", "Vela Robotics"])).toBe(
      "It counts as one undertaking with the 2 other organisations of its group, Vela Group: Vela Optics and Vela Robotics.",
    );
    expect(group("Vela Group", ["Vela Optics", "Vela Robotics", "Vela Logistics"])).toBe(
      "It counts as one undertaking with the 3 other organisations of its group, Vela Group: Vela Optics, Vela Robotics and Vela Logistics.",
    );
  });
});
