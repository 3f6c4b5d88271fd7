/** Emails are compared and stored in lower case, so "Ada@X.test" and "ada@x.test" are one person. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Registry numbers are compared and stored without case, repeated spaces, invisible characters or
 * compatibility forms ("hrb  123" = "HRB 123" = "HRB\u200B 123" = full-width "ＨＲＢ １２３").
 */
export function normalizeRegistryId(value: string): string {
  return identityKey(value);
}

/** A URL-safe slug from a display name; never empty. */
export function slugify(name: string, fallback = "org"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || fallback;
}

// Invisible characters: every Unicode format character (category Cf: zero-width space and joiners,
// byte-order mark, soft hyphen, bidirectional controls, word joiner, tags…) and the "blank letters"
// that render as nothing (combining grapheme joiner, Hangul fillers, braille blank).
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;
// Kept in stored text where they do work: joiners between two visible characters (emoji sequences,
// Persian and Indic spelling) and tag characters that complete a subdivision flag.
const VISIBLE_NEIGHBOUR = String.raw`[^\s\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]`;
const STRAY_INVISIBLE = new RegExp(
  // The joiners are matched on their own on purpose: only the stray ones are removed.
  // eslint-disable-next-line no-misleading-character-class
  String.raw`(?<!${VISIBLE_NEIGHBOUR})[\u200C\u200D]|[\u200C\u200D](?!${VISIBLE_NEIGHBOUR})` +
    String.raw`|(?<![\u{1F3F4}\u{E0020}-\u{E007F}])[\u{E0020}-\u{E007F}]` +
    String.raw`|(?![\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]`,
  "gu",
);

/** The text with every invisible character removed: what a reader actually sees. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, "");
}

/**
 * Text as it is stored: composed (NFC, so "e" + combining accent is one "é"), trimmed, with
 * invisible characters removed unless they join two visible characters (emoji sequences, scripts
 * that need joiners). Nothing a reader can see is changed; line breaks are kept.
 */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(STRAY_INVISIBLE, "").trim();
}

/** A one-line text as it is stored (a name): cleaned, with every run of spaces made one space. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, " ");
}

/** How many characters a reader sees: invisible characters and surrounding spaces do not count. */
export function visibleLength(value: string): number {
  return [...visibleText(value).trim()].length;
}

/**
 * The form of a name or number used to decide whether two are the same: compatibility forms folded
 * (NFKC: full-width digits, ligatures, no-break spaces), invisible characters removed, spaces
 * collapsed, case ignored.
 */
export function identityKey(value: string): string {
  return visibleText(value.normalize("NFKC")).trim().replace(/\s+/g, " ").toUpperCase();
}
