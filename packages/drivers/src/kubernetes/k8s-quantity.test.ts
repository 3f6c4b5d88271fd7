import { describe, expect, it } from "vitest";
import { quantityValue, quotaCovers } from "./k8s-quantity";

describe("quantities", () => {
  it("reads plain, milli, decimal and binary quantities", () => {
    expect(quantityValue("4")).toBe(4);
    expect(quantityValue("500m")).toBe(0.5);
    expect(quantityValue("256Gi")).toBe(256 * 2 ** 30);
    expect(quantityValue("1Ti")).toBe(quantityValue("1024Gi"));
    expect(quantityValue("2k")).toBe(2000);
    expect(quantityValue("0")).toBe(0);
    expect(quantityValue("lots")).toBeNaN();
    expect(quantityValue("3Xi")).toBeNaN();
  });

  it("says whether an enforced quota allows at least what is wanted, in the server's canonical forms", () => {
    const wanted = { "requests.cpu": "64", "requests.memory": "1024Gi", pods: "16" };
    expect(
      quotaCovers({ "requests.cpu": "64", "requests.memory": "1Ti", pods: "16" }, wanted),
    ).toBe(true);
    expect(
      quotaCovers({ "requests.cpu": "65", "requests.memory": "2Ti", pods: "20" }, wanted),
    ).toBe(true);
    expect(
      quotaCovers({ "requests.cpu": "63500m", "requests.memory": "1Ti", pods: "16" }, wanted),
    ).toBe(false);
    expect(quotaCovers({ "requests.cpu": "64", pods: "16" }, wanted)).toBe(false);
    expect(quotaCovers(undefined, wanted)).toBe(false);
  });
});
