import type { Organization } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { preconditionFailed } from "../errors";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import {
  duplicateNameError,
  duplicateRegistryError,
  normalizeDetails,
  sameNameTaken,
} from "./organization-details";
import { transitionVerification } from "./verification-state";

export interface OrganizationPatch {
  name?: string;
  website?: string | null;
  contactName?: string;
  contactEmail?: string;
  registryId?: string;
}

const EDITABLE = ["name", "website", "contactName", "contactEmail", "registryId"] as const;

/**
 * Edits an organisation's details. Editing a rejected organisation resubmits it for review. The
 * registry number is what the platform verified, so it is fixed once an organisation is verified.
 */
export async function updateOrganization(
  tenant: TenantAccess,
  actor: Actor,
  patch: OrganizationPatch,
): Promise<Organization> {
  const wanted = normalizeDetails(patch);
  try {
    return await tenant.db.$transaction(async (tx) => {
      await lockOrganization(tx, tenant.organization.id);
      const current = await tx.organization.findUniqueOrThrow({
        where: { id: tenant.organization.id },
      });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of EDITABLE) {
        const next = wanted[field];
        if (next !== undefined && next !== current[field])
          changes[field] = { from: current[field], to: next };
      }
      if (changes.name && wanted.name) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:organization-name'), hashtext(${`${current.country}:${wanted.name.toLowerCase()}`}::text))`;
        if (await sameNameTaken(tx, current.country, wanted.name, current.id))
          throw duplicateNameError(current.country, wanted.name);
      }
      if (changes.registryId && (current.status === "VERIFIED" || current.status === "SUSPENDED")) {
        throw preconditionFailed(
          "The registry number of a verified organisation cannot be changed here. Contact the platform team.",
        );
      }
      const resubmit =
        current.status === "REJECTED" ? transitionVerification(current.status, "resubmit") : null;
      if (Object.keys(changes).length === 0 && !resubmit) return current;

      const updated = await tx.organization.update({
        where: { id: current.id },
        data: {
          ...Object.fromEntries(
            Object.entries(changes).map(([field, change]) => [field, change.to]),
          ),
          ...(resubmit?.ok ? { status: resubmit.to, statusReason: null } : {}),
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "organization.updated",
        organizationId: current.id,
        targetType: "Organization",
        targetId: current.id,
        data: { changes, resubmitted: Boolean(resubmit?.ok) },
      });
      return updated;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error) && wanted.registryId) {
      throw duplicateRegistryError(await countryOf(tenant), wanted.registryId);
    }
    throw error;
  }
}

async function countryOf(tenant: TenantAccess): Promise<string> {
  const organization = await tenant.db.organization.findUniqueOrThrow({
    where: { id: tenant.organization.id },
    select: { country: true },
  });
  return organization.country;
}
