import { describe, expect, it } from "vitest";
import { formChecks } from "./form-checks";
import { NO_ERRORS, withoutFieldErrors } from "./form-errors";

describe("withoutFieldErrors", () => {
  const checks = formChecks({ name: "job-name", quantity: "job-quantity" });
  checks.add("name", "Enter a name.");
  checks.add("quantity", "Enter the number of CPU cores as a whole number from 1 to 64.");

  it("drops a changed field's message beside it and in the summary, keeping the others", () => {
    expect(withoutFieldErrors(checks.errors, ["quantity"])).toEqual({
      fields: { name: "Enter a name." },
      problems: [{ fieldId: "job-name", message: "Enter a name." }],
      cleared: true,
    });
    expect(withoutFieldErrors(checks.errors, ["quantity", "name"])).toEqual({
      fields: {},
      problems: [],
      cleared: true,
    });
  });

  it("leaves the errors as they are when the field had none", () => {
    expect(withoutFieldErrors(checks.errors, ["walltimeSeconds"])).toBe(checks.errors);
    expect(withoutFieldErrors(NO_ERRORS, ["quantity"])).toBe(NO_ERRORS);
  });
});
