/**
 * Input schemas shared by the catalogue, programme, application and review routers: money,
 * rates, dates and requested lines, each with a message that names the field.
 */
import { z } from "zod";
import { ClusterKind, OrganizationKind, ResourceKind } from "@tessera/db";
import { jurisdictionMessage, normalizeResidency } from "@tessera/core";
import { MAX_PRICE_MINOR_PER_HOUR, MAX_PROGRAMME_AMOUNT_MINOR } from "@tessera/core/money-limits";
import { MAX_REQUESTED_UNIT_HOURS } from "@tessera/core/quantity-messages";
import { countryInput, rowId, text } from "../../schemas";

/** The most one line may request; the form and core say it with the class's unit first. */
export const MAX_UNIT_HOURS = MAX_REQUESTED_UNIT_HOURS;

function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min.toLocaleString("en-GB")}.`)
    .max(max, `${label} must be at most ${max.toLocaleString("en-GB")}.`);
}

/**
 * An amount more than zero in integer minor units (cents for EUR), at most `max`: a programme's
 * budget by default. Checked in this order, and only the first problem is said: a huge amount is
 * "too large" before it is "not a whole number of cents" (past 2^53 it can be neither exactly).
 */
export const moneyInput = (label: string, max: number = MAX_PROGRAMME_AMOUNT_MINOR) =>
  z
    .number({ error: `${label} must be an amount in minor units (cents).` })
    .max(max, `${label} must be at most ${max.toLocaleString("en-GB")} minor units (cents).`)
    .min(1, `${label} must be more than zero.`)
    .int(`${label} must be a whole number of minor units (cents).`);
/** Per unit-hour, or per million tokens for a tokens class. */
export const priceInput = wholeNumber("The list price", 0, MAX_PRICE_MINOR_PER_HOUR);
export const powerInput = wholeNumber("Power draw", 0, 100_000);
export const capacityInput = wholeNumber("Capacity", 0, 10_000_000);
export const unitsPerNodeInput = wholeNumber("Units per node", 1, 10_000_000);
export const subsidyRateInput = wholeNumber("Subsidy rate", 0, 10_000);
export const scoreInput = wholeNumber("Score", 1, 5);

/** Bounded so that a typo such as year 20260 is a clear input error, not a database one. */
export const dateInput = (label: string) =>
  z.coerce
    .date({ error: `${label} must be a date.` })
    .min(new Date("2000-01-01T00:00:00Z"), `${label} must be after the year 2000.`)
    .max(new Date("9999-12-31T00:00:00Z"), `${label} is too far in the future.`);

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

// One check, so that a wrong currency is one clear message rather than several.
export const currencyInput = z
  .string({ error: "Choose a currency." })
  .trim()
  .toUpperCase()
  .refine(
    (code) => /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code),
    "Use a three-letter ISO 4217 currency code, for example EUR.",
  );

export const catalogueCodeInput = (label: string) =>
  z
    .string({ error: `Enter the ${label} code.` })
    .trim()
    .toLowerCase()
    .min(2, `The ${label} code must be at least 2 characters.`)
    .max(64, `The ${label} code must be at most 64 characters.`)
    .regex(
      /^[a-z0-9][a-z0-9.-]*$/,
      `The ${label} code is lower-case letters, digits, dots and dashes.`,
    );

export const jurisdictionInput = z
  .string({ error: "Choose a jurisdiction." })
  .trim()
  .toUpperCase()
  .max(12, { error: "Use a two-letter ISO 3166 country code, for example DE, or EU.", abort: true })
  .refine((value) => normalizeResidency(value) !== null, {
    error: (issue) => jurisdictionMessage(String(issue.input)),
  });

export const resourceKindInput = z.enum(ResourceKind, {
  error: "Choose GPU, MIG slice, CPU or tokens of a shared model tier.",
});
export const clusterKindInput = z.enum(ClusterKind, {
  error: "Choose Slurm, Kubernetes or simulated.",
});

export const eligibleKindsInput = z
  .array(z.enum(OrganizationKind, { error: "Choose kinds of organisation from the list." }), {
    error: "Eligible kinds must be a list.",
  })
  .max(5, "There are only five kinds of organisation.");

export const eligibleCountriesInput = z
  .array(countryInput, { error: "Eligible countries must be a list." })
  .max(250, "Name at most 250 countries.");

export const requestedLinesInput = z
  .array(
    z.object({
      resourceClassId: rowId("resource class"),
      // Hours of the class's unit, or millions of tokens for a tokens class. Whole and at least
      // 1 is checked where the class is known (priceRequestedLines), to name its unit.
      unitHours: z
        .number({ error: "The requested quantity must be a number." })
        .max(
          MAX_UNIT_HOURS,
          `The requested quantity must be at most ${MAX_UNIT_HOURS.toLocaleString("en-GB")}.`,
        ),
    }),
    { error: "Requested lines must be a list." },
  )
  .min(1, "Request at least one resource class.")
  .max(20, "Request at most 20 resource classes.");

export const callInput = z.object({
  name: text("Call name", 120, 2),
  opensAt: dateInput("Opening date"),
  closesAt: dateInput("Closing date"),
});
