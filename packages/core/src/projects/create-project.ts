import type { DataClassification, Project } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { normalizeResidency } from "../tenancy/countries";
import { slugify } from "../tenancy/normalize";
import type { TenantAccess } from "../tenancy/tenant-access";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";

export interface CreateProjectInput {
  name: string;
  description?: string | null;
  classification: DataClassification;
  residency?: string | null;
}

/**
 * Creates a project in the organisation; its slug is unique within the organisation. `now`: when
 * it happens (now by default).
 */
export async function createProject(
  tenant: TenantAccess,
  actor: Actor,
  input: CreateProjectInput,
  now: Date = new Date(),
): Promise<Project> {
  const name = input.name.trim();
  const residency = input.residency ? normalizeResidency(input.residency) : null;
  if (input.residency && !residency) {
    throw new AppError(
      "INVALID",
      `"${input.residency}" is not a residency Tessera knows: use an ISO country code or EU.`,
    );
  }
  try {
    return await tenant.db.$transaction(async (tx) => {
      const sameName = await tx.project.findFirst({
        where: { name: { equals: name, mode: "insensitive" } },
        select: { id: true },
      });
      if (sameName) throw duplicateName(name);
      const base = slugify(name, "project");
      const taken = new Set(
        (
          await tx.project.findMany({
            where: { slug: { startsWith: base } },
            select: { slug: true },
          })
        ).map((p) => p.slug),
      );
      let slug = base;
      for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
      const project = await tx.project.create({
        data: {
          organizationId: tenant.organization.id,
          slug,
          name,
          description: input.description?.trim() || null,
          classification: input.classification,
          residency,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "project.created",
        organizationId: tenant.organization.id,
        targetType: "Project",
        targetId: project.id,
        data: { name, classification: project.classification, residency },
        occurredAt: now,
      });
      return project;
    }, TX_OPTIONS);
  } catch (error) {
    // Another request created a project with the same slug between our check and our insert.
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

function duplicateName(name: string): AppError {
  return new AppError(
    "CONFLICT",
    `This organisation already has a project called "${name}". Choose another name.`,
  );
}
