import { divideHalfEven } from "../programmes/money";
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
      note: vatNoteFor("DOMESTIC", sellerCountry),
    };
  }
  if (!isEuMemberState(customerCountry)) {
    return {
      treatment: "OUTSIDE_EU",
      country: customerCountry,
      rateBps: 0,
      note: vatNoteFor("OUTSIDE_EU", customerCountry),
    };
  }
  if (input.vatId && input.vatIdValid && isValidVatId(input.vatId, customerCountry)) {
    return {
      treatment: "REVERSE_CHARGE",
      country: customerCountry,
      rateBps: 0,
      note: vatNoteFor("REVERSE_CHARGE", customerCountry),
    };
  }
  return {
    treatment: "EU_CONSUMER",
    country: customerCountry,
    rateBps: EU_VAT_RATES_BPS[customerCountry] ?? 0,
    note: vatNoteFor("EU_CONSUMER", customerCountry),
  };
}

/** The invoice's words for a VAT treatment. */
export function vatNoteFor(treatment: VatTreatmentKind, country: string): string {
  switch (treatment) {
    case "DOMESTIC":
      return "Domestic VAT.";
    case "OUTSIDE_EU":
      return "Outside the scope of EU VAT (place of supply outside the EU).";
    case "REVERSE_CHARGE":
      return "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).";
    case "EU_CONSUMER":
      return `VAT of ${country}, the customer's member state.`;
  }
}

/** VAT on a net amount, rounded half to even once per invoice. */
export function vatOn(netMinor: bigint, rateBps: number): bigint {
  return divideHalfEven(netMinor * BigInt(rateBps), BigInt(BASIS_POINTS));
}
