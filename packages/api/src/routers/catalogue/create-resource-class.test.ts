import { describe, expect, it } from "vitest";
import { createResourceClassInput } from "./create-resource-class";

describe("createResourceClassInput", () => {
  it("reports every bad field at once, not the code and name only after the price and power", () => {
    const result = createResourceClassInput.safeParse({
      code: "H100 80GB",
      name: "x",
      kind: "GPU",
      unit: "GPU",
      listPriceMinorPerHour: 0.1,
      currency: "EUR",
      powerDrawWatts: -1,
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path.join(".")));
    expect([...fields].sort()).toEqual(["code", "listPriceMinorPerHour", "name", "powerDrawWatts"]);
  });
});
