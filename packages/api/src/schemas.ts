import { z } from "zod";
import {
  DataClassification,
  MembershipRole,
  OrganizationKind,
  VerificationStatus,
} from "@tessera/db";
import {
  AUDIT_ACTIONS,
  cleanText,
  ISO_COUNTRY_CODES,
  MAX_PAGE_SIZE,
  normalizeResidency,
  visibleLength,
} from "@tessera/core";

// Control characters (NUL above all) are refused at the edge: PostgreSQL cannot store NUL in text,
// and none of them belong in a name or a description.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A trimmed, bounded, printable string with messages that name the field. Invisible characters
 * (zero-width spaces, byte-order marks, soft hyphens, bidirectional controls…) are removed unless
 * they join two visible characters, and never count towards the minimum length.
 */
export function text(
  label: string,
  max: number,
  min = 1,
  /** Messages of the field's own, for a field whose refusal must say more (who reads it, why). */
  own: { empty?: string; tooShort?: (given: number) => string } = {},
) {
  const empty = own.empty ?? `Enter ${label.toLowerCase()}.`;
  return z
    .string({
      error: (issue) => (issue.input === undefined ? empty : `${label} must be text.`),
    })
    .refine((value) => min === 0 || visibleLength(value) > 0, {
      error: (issue) =>
        !String(issue.input).trim()
          ? empty
          : own.empty
            ? `${own.empty} Invisible characters alone do not count.`
            : `Enter ${label.toLowerCase()}; invisible characters alone do not count.`,
    })
    .overwrite(cleanText)
    .refine((value) => min <= 1 || value === "" || visibleLength(value) >= min, {
      error: (issue) => {
        const given = visibleLength(String(issue.input));
        return own.tooShort
          ? own.tooShort(given)
          : `${label} must be at least ${min} characters; you gave ${given}.`;
      },
    })
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value),
      `${label} contains characters that are not allowed.`,
    );
}

/** Row ids (cuid) as they appear in URLs and forms. */
export function rowId(label: string) {
  return z
    .string({ error: `Choose the ${label}.` })
    .trim()
    .min(1, `Choose the ${label}.`)
    .max(64, `That ${label} id is too long.`)
    .regex(/^[A-Za-z0-9_-]+$/, `That is not a valid ${label} id.`);
}

export const emailInput = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address is at most 254 characters.")
  // Sign-in and mail delivery take plain ASCII addresses only (no SMTPUTF8): an address with
  // other letters is refused as such rather than called invalid.
  .refine((value) => /^[\x20-\x7e]*$/.test(value), {
    error: "Tessera accepts e-mail addresses in plain ASCII letters only, like name@example.org.",
    abort: true,
  })
  .pipe(z.email("Enter a valid email address, like name@example.org."));

export const countryInput = z
  .string({ error: "Choose a country." })
  .trim()
  .toUpperCase()
  .max(12, { error: "Use the two-letter ISO 3166 country code, for example DE.", abort: true })
  .refine((code) => ISO_COUNTRY_CODES.has(code), {
    error: (issue) =>
      `"${String(issue.input)}" is not an ISO 3166 country code; use a two-letter code such as DE or FR.`,
  });

/** An optional web address; an empty form field means "none". */
export const websiteInput = z
  .union([
    z.literal(""),
    z.url({ protocol: /^https?$/, error: "Enter a web address starting with https://." }).max(2048),
  ])
  .nullish()
  .transform((value) => (value === "" ? null : value));

export const residencyInput = z
  .string({ error: "Residency must be text." })
  .trim()
  .max(12, { error: "Use a two-letter ISO 3166 country code, for example DE, or EU.", abort: true })
  .refine((value) => value === "" || normalizeResidency(value) !== null, {
    error: (issue) =>
      `"${String(issue.input)}" is not a country code or EU: use a two-letter ISO 3166 code, for example DE, or EU.`,
  })
  .nullish()
  .transform((value) => (value ? value.toUpperCase() : null));

export const organizationKindInput = z.enum(OrganizationKind, {
  error: "Choose the kind of organisation.",
});
export const membershipRoleInput = z.enum(MembershipRole, { error: "Choose a role." });
export const classificationInput = z.enum(DataClassification, {
  error: "Choose a data classification.",
});
export const verificationStatusInput = z.enum(VerificationStatus, {
  error: "Choose a verification status.",
});
export const auditActionInput = z.enum(AUDIT_ACTIONS, { error: "Choose an action from the list." });

export const pageInput = {
  cursor: z
    .string({ error: "The page cursor must be text." })
    .max(200, "That page link is not valid.")
    .nullish(),
  limit: z
    .number({ error: "The page size must be a number." })
    .int("The page size must be a whole number.")
    .min(1, "Show at least 1 row.")
    .max(MAX_PAGE_SIZE, `Show at most ${MAX_PAGE_SIZE} rows.`)
    .optional(),
};

/** For procedures that take nothing: anything sent is refused rather than silently ignored. */
export const noInput = z.strictObject({}, { error: "This request takes no input." }).optional();
