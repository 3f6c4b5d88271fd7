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

describe("the idle time's hint on the deploy form", () => {
  it("says the default plainly, and that an empty field keeps the endpoint running", () => {
    const hint = enEndpoints.form.idleHint(15);
    expect(hint).toMatch(/^By default it scales to zero after 15 minutes idle; /);
    expect(hint).toContain("empty the field to keep it running");
    expect(hint).not.toContain("Leave empty");
  });
});
