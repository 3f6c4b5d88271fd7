import { z } from "zod";
import { formatDurationLimit, WORKLOAD_LIMITS } from "@tessera/core";
import { rowId, text } from "../../schemas";

/** `minText`/`maxText` say the bounds in the person's units ("1 minute", "7 days"). */
const wholeNumber = (
  label: string,
  min: number,
  max: number,
  minText = String(min),
  maxText = String(max),
) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${minText}.`)
    .max(max, `${label} must be at most ${maxText}.`);

export const workloadShapeInput = {
  projectId: rowId("project"),
  allocationLineId: rowId("allocation"),
  // Only the type here: the range is said in the line's unit ("CPU cores", "GPUs") once the
  // line's class is read (jobQuantityProblem), so the form and the API say the same sentence.
  quantity: z
    .number({ error: "Enter the number of units as a whole number." })
    .int("Enter the number of units as a whole number."),
  walltimeSeconds: wholeNumber(
    "Time limit",
    WORKLOAD_LIMITS.minWalltimeSeconds,
    WORKLOAD_LIMITS.maxWalltimeSeconds,
    formatDurationLimit(WORKLOAD_LIMITS.minWalltimeSeconds),
    formatDurationLimit(WORKLOAD_LIMITS.maxWalltimeSeconds),
  ),
};

// Scripts keep their newlines and tabs; NUL and other control characters are refused.
// eslint-disable-next-line no-control-regex
const SCRIPT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const scriptInput = z
  .string({ error: "Enter the job script." })
  .min(1, "Enter the job script.")
  .max(WORKLOAD_LIMITS.maxScriptBytes, "The script must be at most 64 KiB.")
  .refine(
    (value) => !SCRIPT_CONTROL.test(value),
    "The script contains characters that are not allowed.",
  );

export const workloadSourceInput = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("template"),
      templateId: rowId("template"),
      image: text("Container image", 255, 0).nullish(),
      command: text("Command", 4000),
    }),
    z.object({ type: z.literal("script"), script: scriptInput }),
  ],
  { error: "Choose a template or write a script." },
);

export const workloadIdInput = z.object({ workloadId: rowId("job") });
