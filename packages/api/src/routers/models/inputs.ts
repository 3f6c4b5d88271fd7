import { z } from "zod";
import { ModelOpenness } from "@tessera/db";
import { rowId, text } from "../../schemas";

export const opennessInput = z.enum(ModelOpenness, { error: "Choose an openness class." });
export const licenseInput = z
  .string({ error: "The licence must be an SPDX id." })
  .trim()
  .min(2, "The licence must be an SPDX id (e.g. Apache-2.0).")
  .max(64, "An SPDX licence id is at most 64 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, "The licence must be an SPDX id (e.g. Apache-2.0).");

const flag = (label: string) => z.boolean({ error: `${label} must be true or false.` });

export const modelFields = {
  family: text("Family", 80),
  parameters: z
    .number({ error: "The parameter count must be a number." })
    .int("The parameter count must be a whole number.")
    .min(1, "The parameter count must be at least 1.")
    .max(1e13, "The parameter count must be at most 10 trillion."),
  licenseSpdx: licenseInput,
  weightsSha256: z
    .string({ error: "Enter the weights' sha256 digest." })
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, "The weights digest is a sha256: 64 hexadecimal digits."),
  weightsOpen: flag("Weights open"),
  dataOpen: flag("Data open"),
  codeOpen: flag("Code open"),
  openness: opennessInput,
  sourceUrl: z
    .string({ error: "Enter the source address." })
    .trim()
    .max(500, "The source address must be at most 500 characters.")
    .regex(/^https:\/\/\S+$/, "The source is an https:// address."),
  restrictions: text("Restrictions", 2000).nullable(),
  trainedByWorkloadId: rowId("training job").nullable(),
};

export const modelIdInput = rowId("model");
