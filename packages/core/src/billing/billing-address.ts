/**
 * The postal address an organisation's invoices name: street, postcode and city, one per line.
 * The country is not part of it (it is the organisation's). Kept short and plain, so that it
 * prints on an invoice as it was entered.
 */
export const BILLING_ADDRESS_LIMITS = { lines: 6, lineChars: 100, totalChars: 400 } as const;

/** Control characters (a tab, a NUL…), bidirectional overrides and Unicode line separators. */
const NOT_PRINTABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export type BillingAddressParse = { ok: true; address: string } | { ok: false; message: string };

const chars = (text: string) => [...text].length;

/**
 * The address as it is stored, or why it cannot be: line breaks written as "\n" (CRLF and CR
 * included), each line trimmed, empty lines dropped; 1 to 6 lines of at most 100 characters, 400
 * in all, no control characters but the line breaks.
 */
export function parseBillingAddress(raw: string): BillingAddressParse {
  const unified = raw.replace(/\r\n?/g, "\n");
  const { lines, lineChars, totalChars } = BILLING_ADDRESS_LIMITS;
  if (NOT_PRINTABLE.test(unified.replace(/\n/g, ""))) {
    return {
      ok: false,
      message:
        "The postal address may not contain tabs or other control characters: put each part on its own line.",
    };
  }
  const parts = unified
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (parts.length === 0) {
    return {
      ok: false,
      message: "Enter the postal address: street and number, then postcode and city.",
    };
  }
  if (parts.length > lines) {
    return {
      ok: false,
      message: `The postal address has ${parts.length} lines: use at most ${lines}.`,
    };
  }
  const long = parts.findIndex((line) => chars(line) > lineChars);
  if (long !== -1) {
    return {
      ok: false,
      message: `Line ${long + 1} of the postal address is too long: at most ${lineChars} characters a line.`,
    };
  }
  const address = parts.join("\n");
  if (chars(address) > totalChars) {
    return {
      ok: false,
      message: `The postal address is too long: at most ${totalChars} characters in all.`,
    };
  }
  return { ok: true, address };
}

/** A stored address as lines, for the invoice page, the PDF and the settings. */
export function billingAddressLines(address: string | null): string[] {
  return address ? address.split("\n") : [];
}
