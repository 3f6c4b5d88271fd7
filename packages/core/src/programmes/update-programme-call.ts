import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { changedFields } from "../catalogue/changed-fields";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { checkCall } from "./programme-rules";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

export interface UpdateProgrammeCallInput {
  callId: string;
  name?: string;
  opensAt?: Date;
  closesAt?: Date;
}

/** Renames a call or moves its dates (closing it early is setting closesAt to now). */
export async function updateProgrammeCall(
  database: Database,
  actor: Actor,
  input: UpdateProgrammeCallInput,
): Promise<ProgrammeView> {
  const programme = await database.$transaction(async (tx) => {
    const current = await tx.programmeCall.findUnique({ where: { id: input.callId } });
    if (!current) throw notFound("Call");
    const patch = { name: input.name?.trim(), opensAt: input.opensAt, closesAt: input.closesAt };
    const next = {
      name: patch.name ?? current.name,
      opensAt: patch.opensAt ?? current.opensAt,
      closesAt: patch.closesAt ?? current.closesAt,
    };
    checkCall(next);
    const changes = changedFields(current, patch);
    if (Object.keys(changes).length > 0) {
      await tx.programmeCall.update({ where: { id: current.id }, data: patch });
      await recordAuditEvent(tx, actor, {
        action: "programme.call_updated",
        targetType: "ProgrammeCall",
        targetId: current.id,
        data: { programmeId: current.programmeId, changes },
      });
    }
    return tx.programme.findUniqueOrThrow({
      where: { id: current.programmeId },
      include: PROGRAMME_WITH_CALLS,
    });
  }, TX_OPTIONS);
  return toProgrammeView(programme);
}
