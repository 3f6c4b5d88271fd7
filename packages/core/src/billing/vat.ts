import { divideHalfEven } from "../programmes/money";
import { countryName } from "../programmes/eligibility";
import { BASIS_POINTS } from "../programmes/pricing";

/**
 * Standard VAT rates of the EU member states, in basis points (as in force in 2026). Compute is
 * an electronically supplied service: the place of supply is the customer's country.
 */
export const EU_VAT_RATES_BPS: Readonly<Record<string, number>> = {
  AT: 2_000,
  BE: 2_100,
  BG: 2_000,
  CY: 1_900,
  CZ: 2_100,
  DE: 1_900,
  DK: 2_500,
  EE: 2_400,
  ES: 2_100,
  FI: 2_550,
  FR: 2_000,
  GR: 2_400,
  HR: 2_500,
  HU: 2_700,
  IE: 2_300,
  IT: 2_200,
  LT: 2_100,
  LU: 1_700,
  LV: 2_100,
  MT: 1_800,
  NL: 2_100,
  PL: 2_300,
  PT: 2_300,
  RO: 2_100,
  SE: 2_500,
  SI: 2_200,
  SK: 2_300,
};

/** A VAT id's prefix is its country code, except Greece's (EL). */
const VAT_PREFIX: Readonly<Record<string, string>> = { GR: "EL" };

/** The shape of each member state's VAT id after its prefix (the VIES formats). */
const VAT_ID_BODY: Readonly<Record<string, RegExp>> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-Z0-9]{2}\d{9}$/,
  GR: /^\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^\d{7}[A-Z]{1,2}$|^\d[A-Z+*]\d{5}[A-Z]$/,
  IT: /^\d{11}$/,
  LT: /^\d{9}$|^\d{12}$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
};

export function isEuMemberState(country: string): boolean {
  return country in EU_VAT_RATES_BPS;
}

/** Spaces, dots and dashes removed, upper case. */
export function normalizeVatId(vatId: string): string {
  return vatId.replace(/[\s.-]/g, "").toUpperCase();
}

/**
 * True when the VAT id has its member state's prefix and format. (Tessera cannot reach VIES from
 * here; an operator confirms doubtful ids — the check is the structural one.)
 */
export function isValidVatId(vatId: string, country: string): boolean {
  const pattern = VAT_ID_BODY[country];
  if (!pattern) return false;
  const normalized = normalizeVatId(vatId);
  const prefix = VAT_PREFIX[country] ?? country;
  return normalized.startsWith(prefix) && pattern.test(normalized.slice(prefix.length));
}

export type VatTreatmentKind = "DOMESTIC" | "EU_CONSUMER" | "REVERSE_CHARGE" | "OUTSIDE_EU";

export interface VatDecision {
  treatment: VatTreatmentKind;
  /** Whose rate applies. */
  country: string;
  rateBps: number;
  /** Words for the invoice. */
  note: string;
}

/**
 * VAT on the tenant's share. Same country as the platform: its rate. Another member state with a
 * valid VAT id: reverse charge (0 %, the customer accounts for VAT). Another member state without
 * one: the customer's country's rate. Outside the EU: no EU VAT.
 */
export function decideVat(input: {
  sellerCountry: string;
  customerCountry: string;
  vatId: string | null;
  vatIdValid: boolean;
}): VatDecision {
  const { sellerCountry, customerCountry } = input;
  if (customerCountry === sellerCountry) {
    const rateBps = EU_VAT_RATES_BPS[sellerCountry] ?? 0;
    return {
      treatment: "DOMESTIC",
      country: sellerCountry,
      rateBps,
      note: vatNoteFor("DOMESTIC", sellerCountry, rateBps),
    };
  }
  if (!isEuMemberState(customerCountry)) {
    return {
      treatment: "OUTSIDE_EU",
      country: customerCountry,
      rateBps: 0,
      note: vatNoteFor("OUTSIDE_EU", customerCountry, 0),
    };
  }
  if (input.vatId && input.vatIdValid && isValidVatId(input.vatId, customerCountry)) {
    return {
      treatment: "REVERSE_CHARGE",
      country: customerCountry,
      rateBps: 0,
      note: vatNoteFor("REVERSE_CHARGE", customerCountry, 0),
    };
  }
  const rateBps = EU_VAT_RATES_BPS[customerCountry] ?? 0;
  return {
    treatment: "EU_CONSUMER",
    country: customerCountry,
    rateBps,
    note: vatNoteFor("EU_CONSUMER", customerCountry, rateBps),
  };
}

/** A VAT rate as invoices write it: 1900 → "19 %", 2550 → "25.5 %", 0 → "0 %". */
export function vatRateText(rateBps: number): string {
  return `${rateBps / 100} %`;
}

/**
 * The VAT line's label on the invoice, the page and the PDF: the rate with, for a rate of 0, why.
 * "VAT 19 % (Germany)", "VAT 0 % — reverse charge", "VAT 0 % — customer outside the EU (United
 * Kingdom)".
 */
export function vatLabelFor(treatment: VatTreatmentKind, country: string, rateBps: number): string {
  const rate = vatRateText(rateBps);
  switch (treatment) {
    case "DOMESTIC":
    case "EU_CONSUMER":
      return `VAT ${rate} (${countryName(country)})`;
    case "REVERSE_CHARGE":
      return `VAT ${rate} — reverse charge`;
    case "OUTSIDE_EU":
      return `VAT ${rate} — customer outside the EU (${countryName(country)})`;
  }
}

/**
 * The invoice's sentence on its VAT treatment, with the legal ground where the supplier charges
 * none. `country` is the invoice's VAT country: the supplier's for domestic VAT, else the
 * customer's.
 */
export function vatNoteFor(treatment: VatTreatmentKind, country: string, rateBps: number): string {
  const name = countryName(country);
  const rate = vatRateText(rateBps);
  switch (treatment) {
    case "DOMESTIC":
      return `VAT of ${name} at ${rate}: the supplier and the customer are both established in ${name}.`;
    case "EU_CONSUMER":
      return `VAT of ${name} at ${rate}, the customer's member state: without a validated EU VAT identification number, the service is taxed where the customer is established (Article 58 Directive 2006/112/EC).`;
    case "REVERSE_CHARGE":
      return "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC.";
    case "OUTSIDE_EU":
      return `Not subject to EU VAT: the customer is established outside the EU (${name}), where the service is supplied.`;
  }
}

/** VAT on a net amount, rounded half to even once per invoice. */
export function vatOn(netMinor: bigint, rateBps: number): bigint {
  return divideHalfEven(netMinor * BigInt(rateBps), BigInt(BASIS_POINTS));
}
