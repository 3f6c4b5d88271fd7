/**
 * Energy for people, from integer milliwatt-hours, in one scheme on the web pages, the invoice,
 * its PDF and (as the same watt-hours) its CSV:
 * - below 1 Wh, exact to the milliwatt-hour in Wh: 56 → "0.056 Wh" (a small job is never "0 Wh");
 * - below 10 Wh, to the tenth: 5_640 → "5.6 Wh";
 * - then whole Wh up to 999 Wh, tenths of a kWh up to 999.9 kWh, tenths of a MWh beyond:
 *   "350 Wh", "12.4 kWh", "3.1 MWh" — each unit chosen after rounding, so that 999.6 Wh reads
 *   "1.0 kWh", never "1000 Wh".
 * Only a zero amount reads "0 Wh"; a fraction of a milliwatt-hour reads "less than 0.001 Wh".
 */
// Made once: building a number format is far dearer than using one.
const THOUSANDTHS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 });
const TENTHS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const FIXED_TENTH = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatEnergy(milliWh: bigint | number): string {
  const amount = Number(milliWh);
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount of energy: ${milliWh}`);
  if (amount < 0) return `-${formatEnergy(-amount)}`;
  if (amount === 0) return "0 Wh";
  if (amount < 1) return "less than 0.001 Wh";
  const wh = amount / 1000;
  if (wh < 1) return `${THOUSANDTHS.format(wh)} Wh`;
  if (wh < 9.95) return `${TENTHS.format(wh)} Wh`;
  if (Math.round(wh) < 1000) return `${Math.round(wh)} Wh`;
  const kWh = wh / 1000;
  if (Math.round(kWh * 10) < 10_000) return `${FIXED_TENTH.format(kWh)} kWh`;
  return `${FIXED_TENTH.format(kWh / 1000)} MWh`;
}
