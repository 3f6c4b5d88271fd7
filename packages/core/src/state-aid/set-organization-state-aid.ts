import type { Database, OrganizationKind } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { isUndertaking } from "./undertaking";

export interface OrganizationStateAidInput {
  organizationId: string;
  /** Academic institutions and public bodies only: whether it acts economically. */
  actsEconomically: boolean;
  /** The undertaking group it belongs to; null = none (it is an undertaking on its own). */
  stateAidGroupId: string | null;
}

/**
 * A platform administrator records an organisation's state-aid facts: whether a university or
 * public body acts economically (its awards then count as de minimis aid), and the group of linked
 * organisations it belongs to. Taken under the locks a booking takes (the organisation, then its
 * old and new groups), so an approval decides with the facts before or after the change, never
 * half of each. Aid already booked stays with the organisation; later approvals count it
 * in its new group. Audited. `now`: when (now by default).
 */
export async function setOrganizationStateAid(
  database: Database,
  actor: Actor,
  input: OrganizationStateAidInput,
  now: Date = new Date(),
) {
  return database.$transaction(async (tx) => {
    // The organisation first, then every group involved in id order: approvals take the
    // organisation and then its one group (lockUndertaking), so neither can wait on the other in
    // a circle, and two changes moving organisations between the same groups queue in one order.
    const [organization] = await tx.$queryRaw<
      {
        id: string;
        kind: OrganizationKind;
        actsEconomically: boolean;
        stateAidGroupId: string | null;
      }[]
    >`
      SELECT "id", "kind"::text AS "kind", "actsEconomically", "stateAidGroupId"
        FROM "Organization" WHERE "id" = ${input.organizationId} FOR NO KEY UPDATE`;
    if (!organization) throw notFound("Organisation");
    if (
      actor.userId &&
      (await tx.membership.count({
        where: { organizationId: organization.id, userId: actor.userId },
      })) > 0
    ) {
      throw new AppError(
        "FORBIDDEN",
        "You are a member of this organisation, so another administrator must change its state-aid facts.",
      );
    }
    if (input.actsEconomically && isUndertaking({ ...organization, actsEconomically: false })) {
      throw new AppError(
        "INVALID",
        "Startups, SMEs and enterprises are always undertakings; acting economically is recorded only for academic institutions and public bodies.",
      );
    }
    const groupIds = [organization.stateAidGroupId, input.stateAidGroupId]
      .filter((id): id is string => id !== null)
      .sort();
    for (const groupId of new Set(groupIds)) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "UndertakingGroup" WHERE "id" = ${groupId} FOR NO KEY UPDATE`;
      if (rows.length === 0) throw notFound("Undertaking group");
    }
    const before = {
      actsEconomically: organization.actsEconomically,
      stateAidGroupId: organization.stateAidGroupId,
    };
    const after = {
      actsEconomically: input.actsEconomically,
      stateAidGroupId: input.stateAidGroupId,
    };
    const updated = await tx.organization.update({
      where: { id: organization.id },
      data: { ...after, updatedAt: now },
      select: {
        id: true,
        actsEconomically: true,
        stateAidGroup: { select: { id: true, name: true } },
      },
    });
    if (
      before.actsEconomically !== after.actsEconomically ||
      before.stateAidGroupId !== after.stateAidGroupId
    ) {
      await recordAuditEvent(tx, actor, {
        action: "organization.state_aid_updated",
        occurredAt: now,
        organizationId: organization.id,
        targetType: "Organization",
        targetId: organization.id,
        data: { from: before, to: after },
      });
    }
    return updated;
  }, TX_OPTIONS);
}
