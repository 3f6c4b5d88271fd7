import { describe, expect, it } from "vitest";
import { capacityUseText } from "./capacity-use-text";

describe("units in use of a cluster's capacity", () => {
  it("reads as use of capacity while within it", () => {
    expect(capacityUseText(3, 16, "GPU")).toEqual({ use: "3 of 16 GPUs", over: null });
    expect(capacityUseText(1, 1, "GPU")).toEqual({ use: "1 of 1 GPU", over: null });
  });

  it("says a cluster is over capacity after a drain, never a negative amount free", () => {
    const text = capacityUseText(2, 1, "GPU");
    expect(text).toEqual({ use: "2 of 1 GPU", over: "— over capacity by 1 GPU" });
    expect(`${text.use} ${text.over}`).not.toMatch(/-\d/);
  });
});
