import { randomBytes } from "node:crypto";
import type { Database, Organization } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { slugify } from "../tenancy/normalize";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import {
  duplicateNameError,
  duplicateRegistryError,
  normalizeDetails,
  sameNameTaken,
  type OrganizationDetails,
} from "./organization-details";

async function freeSlug(database: Database, name: string, attempt: number): Promise<string> {
  const base = slugify(name);
  // After a lost race, a random suffix avoids colliding with the same concurrent writer again.
  if (attempt > 0) return `${base}-${randomBytes(3).toString("hex")}`;
  const taken = new Set(
    (
      await database.organization.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Registers a new organisation, pending verification, with the caller as its first owner.
 * A registry number, and a name, can be registered once per country (names whatever their case;
 * both are stored without invisible characters or repeated spaces, so those cannot make a copy).
 * `now`: when it happens (now by default).
 */
export async function createOrganization(
  database: Database,
  actor: Actor,
  input: OrganizationDetails,
  now: Date = new Date(),
): Promise<Organization> {
  const userId = actor.userId;
  if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to register an organisation.");
  const details = normalizeDetails(input);
  const duplicate = await database.organization.findUnique({
    where: { country_registryId: { country: details.country, registryId: details.registryId } },
    select: { id: true },
  });
  if (duplicate) throw duplicateRegistryError(details.country, details.registryId);
  if (await sameNameTaken(database, details.country, details.name))
    throw duplicateNameError(details.country, details.name);

  for (let attempt = 0; ; attempt += 1) {
    const slug = await freeSlug(database, details.name, attempt);
    try {
      return await database.$transaction(async (tx) => {
        // Names have no unique index (case is ignored): two registrations of one name in one
        // country wait for each other here, and the second finds the first.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:organization-name'), hashtext(${`${details.country}:${details.name.toLowerCase()}`}::text))`;
        if (await sameNameTaken(tx, details.country, details.name))
          throw duplicateNameError(details.country, details.name);
        // Creating the tenant and its first owner is the one write that cannot go through a
        // tenant-scoped client: the tenant does not exist yet.
        const organization = await tx.organization.create({
          data: {
            ...details,
            website: details.website ?? null,
            slug,
            status: "PENDING",
            createdById: userId,
            createdAt: now,
            memberships: { create: { userId, role: "OWNER", createdAt: now } },
          },
        });
        await recordAuditEvent(tx, actor, {
          action: "organization.created",
          organizationId: organization.id,
          targetType: "Organization",
          targetId: organization.id,
          data: {
            name: organization.name,
            kind: organization.kind,
            country: organization.country,
            registryId: organization.registryId,
          },
          occurredAt: now,
        });
        return organization;
      }, TX_OPTIONS);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const taken = await database.organization.findUnique({
        where: { country_registryId: { country: details.country, registryId: details.registryId } },
        select: { id: true },
      });
      if (taken) throw duplicateRegistryError(details.country, details.registryId);
      if (attempt >= 3) throw error;
    }
  }
}
