import type { OrganizationKind } from "@tessera/db";
import { AppError } from "../errors";
import { normalizeCountry } from "../tenancy/countries";
import {
  cleanText,
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
  if (out.name !== undefined) out.name = visible(cleanText(out.name), "the organisation's name");
  if (out.contactName !== undefined)
    out.contactName = visible(cleanText(out.contactName), "the contact's name");
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

export function duplicateRegistryError(country: string, registryId: string): AppError {
  return new AppError(
    "CONFLICT",
    `An organisation with registry number ${registryId} in ${country} is already registered on Tessera. ` +
      "If it is yours, ask one of its owners to invite you.",
  );
}
