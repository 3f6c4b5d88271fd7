import { z } from "zod";
import { rowId } from "../../schemas";

export const invoiceIdInput = z.object({ invoiceId: rowId("invoice") });

/** A billing month as "YYYY-MM". */
export const monthInput = z
  .string({ error: "Choose a month as YYYY-MM." })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month as YYYY-MM, for example 2026-03.");
