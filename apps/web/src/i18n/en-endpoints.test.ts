import { describe, expect, it } from "vitest";
import { enEndpoints } from "./en-endpoints";

describe("a model's parameter count in brief", () => {
  it("carries its unit, in millions or billions to one decimal", () => {
    const brief = enEndpoints.provenance.parametersBrief;
    expect(brief("361821120")).toBe("361.8 M parameters");
    expect(brief("1235814400")).toBe("1.2 B parameters");
    expect(brief("494000000")).toBe("494 M parameters");
    expect(brief("70553706496")).toBe("70.6 B parameters");
    expect(brief("125000")).toBe("125 K parameters");
    expect(brief("1")).toBe("1 parameter");
  });
});
