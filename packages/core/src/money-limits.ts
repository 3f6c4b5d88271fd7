/**
 * The largest amounts Tessera takes, in integer minor units: large enough for any organisation or
 * price list, small enough that sums stay exact in JavaScript. Safe for the browser, so that a
 * form can say the limit before the server refuses.
 */

/** A monthly budget. */
export const MAX_BUDGET_MINOR = 1_000_000_000_000_000n;

/** A list price per unit-hour (or per million tokens for a tokens class). */
export const MAX_PRICE_MINOR_PER_HOUR = 10_000_000;

/** A programme's budget, and its limit per organisation (which is at most the budget). */
export const MAX_PROGRAMME_AMOUNT_MINOR = 1_000_000_000_000_000;

/** Other de minimis aid declared by an applicant, in euro cents: €1 billion, far above any ceiling. */
export const MAX_DECLARED_AID_MINOR = 100_000_000_000;
