import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { checkCall, type CallInput } from "./programme-rules";
import { PROGRAMME_WITH_CALLS, toProgrammeView, type ProgrammeView } from "./programme-view";

/** Adds a call (a window for applications) to a programme. */
export async function addProgrammeCall(
  database: Database,
  actor: Actor,
  input: CallInput & { programmeId: string },
): Promise<ProgrammeView> {
  checkCall(input);
  const programme = await database.$transaction(async (tx) => {
    const exists = await tx.programme.findUnique({
      where: { id: input.programmeId },
      select: { id: true },
    });
    if (!exists) throw notFound("Programme");
    const call = await tx.programmeCall.create({
      data: {
        programmeId: input.programmeId,
        name: input.name.trim(),
        opensAt: input.opensAt,
        closesAt: input.closesAt,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "programme.call_added",
      targetType: "ProgrammeCall",
      targetId: call.id,
      data: {
        programmeId: input.programmeId,
        name: call.name,
        opensAt: call.opensAt,
        closesAt: call.closesAt,
      },
    });
    return tx.programme.findUniqueOrThrow({
      where: { id: input.programmeId },
      include: PROGRAMME_WITH_CALLS,
    });
  }, TX_OPTIONS);
  return toProgrammeView(programme);
}
