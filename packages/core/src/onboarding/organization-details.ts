import type { Database, OrganizationKind } from "@tessera/db";
import { AppError } from "../errors";
import { countryName } from "../programmes/eligibility";
import { normalizeCountry } from "../tenancy/countries";
import {
  cleanLine,
  normalizeEmail,
  normalizeRegistryId,
  visibleLength,
} from "../tenancy/normalize";

/** What an organisation tells the platform about itself when it onboards. */
export interface OrganizationDetails {
  name: string;
  kind: OrganizationKind;
  country: string;
  registryId: string;
  website?: string | null;
  contactName: string;
  contactEmail: string;
}

/** Text made only of invisible characters is no answer at all. */
function visible(value: string, label: string): string {
  if (visibleLength(value) === 0)
    throw new AppError("INVALID", `Enter ${label}; invisible characters alone do not count.`);
  return value;
}

export function normalizeDetails<T extends Partial<OrganizationDetails>>(details: T): T {
  const out = { ...details };
  if (out.name !== undefined) out.name = visible(cleanLine(out.name), "the organisation's name");
  if (out.contactName !== undefined)
    out.contactName = visible(cleanLine(out.contactName), "the contact's name");
  if (out.contactEmail !== undefined) out.contactEmail = normalizeEmail(out.contactEmail);
  if (out.registryId !== undefined)
    out.registryId = visible(normalizeRegistryId(out.registryId), "the registry number");
  if (typeof out.website === "string") out.website = out.website.trim() || null;
  if (out.country !== undefined) {
    const country = normalizeCountry(out.country);
    if (!country)
      throw new AppError(
        "INVALID",
        `"${out.country}" is not an ISO 3166 country code (for example DE, FR, IT).`,
      );
    out.country = country;
  }
  return out;
}

/**
 * Another organisation of the country registered under this name, whatever its case (names are
 * stored cleaned, so spacing and invisible characters cannot make a copy look new). A raw
 * statement, so that it sees every organisation even from a tenant-scoped client; it answers
 * only yes or no.
 */
export async function sameNameTaken(
  database: { $queryRaw: Database["$queryRaw"] },
  country: string,
  name: string,
  exceptId = "",
): Promise<boolean> {
  const [row] = await database.$queryRaw<{ taken: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Organization"
      WHERE "country" = ${country} AND lower("name") = lower(${name}) AND "id" <> ${exceptId}
    ) AS "taken"`;
  return row?.taken === true;
}

export function duplicateNameError(country: string, name: string): AppError {
  return new AppError(
    "CONFLICT",
    `An organisation named ${name} in ${countryName(country)} is already registered on Tessera. ` +
      "If it is yours, ask one of its owners to invite you; if it is another organisation, " +
      "add what tells the two apart to the name, for example the city.",
  );
}

export function duplicateRegistryError(country: string, registryId: string): AppError {
  return new AppError(
    "CONFLICT",
    `An organisation with registry number ${registryId} in ${countryName(country)} is already registered on Tessera. ` +
      "If it is yours, ask one of its owners to invite you.",
  );
}
