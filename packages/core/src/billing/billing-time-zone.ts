/**
 * The time zone an organisation's billing months are cut in when it has not chosen one
 * (BillingAccount.timeZone has the same default in the schema).
 */
export const DEFAULT_BILLING_TIME_ZONE = "Europe/Brussels";

/** True for an IANA time zone name this runtime knows (e.g. "Europe/Lisbon"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
