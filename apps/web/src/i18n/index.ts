import { en, type Messages } from "./en";
import { enProgrammes, type ProgrammeMessages } from "./en-programmes";
import { enHome, type HomeMessages } from "./en-home";
import { enWorkloads, type WorkloadMessages } from "./en-workloads";
import { enEndpoints, type EndpointMessages } from "./en-endpoints";
import { enBilling, type BillingMessages } from "./en-billing";
import { enApiKeys, type ApiKeyMessages } from "./en-api-keys";
import { enBudgets, type BudgetMessages } from "./en-budgets";
import { enStateAid, type StateAidMessages } from "./en-state-aid";
import { enPublic, type PublicMessages } from "./en-public";
import { enClusters, type ClusterMessages } from "./en-clusters";
import { COUNTRY_NAMES } from "./country-names";

/** Registered locales; add a national language here once its messages file exists. */
export const LOCALES = { en } satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = "en";

/** BCP 47 tag used for dates, numbers and country names. */
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB" };

export const t: Messages = LOCALES[DEFAULT_LOCALE];
export type { Messages };

/** The programme pages' strings (catalogue, programmes, applications, reviews, allocations). */
const PROGRAMME_LOCALES = { en: enProgrammes } satisfies Record<Locale, ProgrammeMessages>;
export const tp: ProgrammeMessages = PROGRAMME_LOCALES[DEFAULT_LOCALE];
export type { ProgrammeMessages };

/** The job, job template and operations pages' strings. */
const WORKLOAD_LOCALES = { en: enWorkloads } satisfies Record<Locale, WorkloadMessages>;
export const tw: WorkloadMessages = WORKLOAD_LOCALES[DEFAULT_LOCALE];
export type { WorkloadMessages };

/** The inference endpoint and model catalogue pages' strings. */
const ENDPOINT_LOCALES = { en: enEndpoints } satisfies Record<Locale, EndpointMessages>;
export const te: EndpointMessages = ENDPOINT_LOCALES[DEFAULT_LOCALE];
export type { EndpointMessages };

/** The home page, notification settings and decision confirmations. */
const HOME_LOCALES = { en: enHome } satisfies Record<Locale, HomeMessages>;
export const th: HomeMessages = HOME_LOCALES[DEFAULT_LOCALE];
export type { HomeMessages };

/** The billing pages: charges, invoices, usage and the programme's statement. */
const BILLING_LOCALES = { en: enBilling } satisfies Record<Locale, BillingMessages>;
export const tb: BillingMessages = BILLING_LOCALES[DEFAULT_LOCALE];
export type { BillingMessages };

/** The API keys page. */
const API_KEY_LOCALES = { en: enApiKeys } satisfies Record<Locale, ApiKeyMessages>;
export const tk: ApiKeyMessages = API_KEY_LOCALES[DEFAULT_LOCALE];
export type { ApiKeyMessages };
/** The budget pages: an organisation's monthly budget, a programme's burn-down projection. */
const BUDGET_LOCALES = { en: enBudgets } satisfies Record<Locale, BudgetMessages>;
export const tg: BudgetMessages = BUDGET_LOCALES[DEFAULT_LOCALE];
export type { BudgetMessages };
/** The state-aid (de minimis) pages and panels. */
const STATE_AID_LOCALES = { en: enStateAid } satisfies Record<Locale, StateAidMessages>;
export const tsa: StateAidMessages = STATE_AID_LOCALES[DEFAULT_LOCALE];
export type { StateAidMessages };

/** The site footer and its public pages: accessibility statement, privacy notice, help. */
const PUBLIC_LOCALES = { en: enPublic } satisfies Record<Locale, PublicMessages>;
export const tpub: PublicMessages = PUBLIC_LOCALES[DEFAULT_LOCALE];
export type { PublicMessages };
export type { PublicSection } from "./en-public";

/** The catalogue's cluster form: jurisdictions and endpoints. */
const CLUSTER_LOCALES = { en: enClusters } satisfies Record<Locale, ClusterMessages>;
export const tcl: ClusterMessages = CLUSTER_LOCALES[DEFAULT_LOCALE];
export type { ClusterMessages };

const intlLocale = INTL_LOCALE[DEFAULT_LOCALE];

// Times are shown in UTC and say so: the server renders them, and UTC is the same for everyone.
const dateTimeFormat = new Intl.DateTimeFormat(intlLocale, {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const dateFormat = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat(intlLocale, { timeStyle: "short", timeZone: "UTC" });
const preciseFormat = new Intl.DateTimeFormat(intlLocale, {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function formatDateTime(value: Date): string {
  return `${dateTimeFormat.format(value)} UTC`;
}

/** The time of day alone, for a cell that shows the date above it: "00:46 UTC". */
export function formatTime(value: Date): string {
  return `${timeFormat.format(value)} UTC`;
}

/** With seconds, for what happens within a minute (a job's timeline). */
export function formatPreciseDateTime(value: Date): string {
  return `${preciseFormat.format(value)} UTC`;
}

export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

/**
 * A calendar day that belongs to a named time zone rather than to UTC ("2026-12-06", a de minimis
 * grant date in Brussels), written as the portal writes dates and naming its zone, as times name
 * UTC: "6 Dec 2026 (Brussels time)".
 */
export function formatZonedDay(day: string, zone: string): string {
  return `${dateFormat.format(new Date(`${day}T00:00:00.000Z`))} (${zone})`;
}

/** A country's (or the EU's) English name, the same on the server and in every browser. */
export function countryName(code: string): string {
  return Object.hasOwn(COUNTRY_NAMES, code) ? COUNTRY_NAMES[code]! : code;
}

const countryOrder = new Intl.Collator("en", { sensitivity: "base" });

/**
 * Countries by their names, in the order a reader looks them up — by the name shown, not by the
 * ISO code ("Bulgaria, Cyprus, Switzerland", not "Bulgaria, Switzerland, Cyprus").
 */
export function countryNames(codes: readonly string[]): string {
  return codes
    .map(countryName)
    .sort((a, b) => countryOrder.compare(a, b))
    .join(", ");
}
