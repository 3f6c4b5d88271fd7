import { describe, expect, it } from "vitest";
import { formChecks } from "./form-checks";

describe("formChecks", () => {
  it("links each problem to its field and keeps the order they were found in", () => {
    const checks = formChecks({ name: "job-name", quantity: "job-quantity" });
    checks.add("quantity", "Enter how many GPUs.");
    checks.add("name", "Enter a name.");
    expect(checks.errors.problems).toEqual([
      { fieldId: "job-quantity", message: "Enter how many GPUs." },
      { fieldId: "job-name", message: "Enter a name." },
    ]);
    expect(checks.errors.fields).toEqual({
      quantity: "Enter how many GPUs.",
      name: "Enter a name.",
    });
  });

  it("takes an explicit element id for names the map does not know", () => {
    const checks = formChecks();
    checks.add("line-2-hours", "Enter the hours for line 2.", "application-line-2-hours");
    expect(checks.errors.problems).toEqual([
      { fieldId: "application-line-2-hours", message: "Enter the hours for line 2." },
    ]);
  });

  it("shows the last message beside a field found wanting twice, and both in the summary", () => {
    const checks = formChecks({ script: "job-script" });
    checks.add("script", "Enter a script.");
    checks.add("script", "Start the script with #!.");
    expect(checks.errors.fields.script).toBe("Start the script with #!.");
    expect(checks.errors.problems).toHaveLength(2);
  });

  it("finds nothing when nothing is added", () => {
    expect(formChecks({ name: "x" }).errors).toEqual({ fields: {}, problems: [] });
  });
});
