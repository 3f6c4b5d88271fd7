import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { createAllocation } from "../allocations/create-allocation";
import { AppError, preconditionFailed } from "../errors";
import { deliverMail } from "../mail/send-mail";
import { formatMoney } from "../programmes/money";
import { priceLines } from "../programmes/pricing";
import { reserveProgrammeBudget } from "../programmes/reserve-programme-budget";
import { bookDeMinimisAid } from "../state-aid/book-de-minimis-aid";
import { formatDay } from "../state-aid/ceiling";
import { TX_OPTIONS } from "../transaction";
import { transitionApplication } from "./application-state";
import { refuseMemberOfApplicant } from "./decision-rules";
import { grantsNothing } from "./award-rules";
import { grantLines, type GrantInput } from "./grant-lines";
import { lockApplication } from "./lock-application";
import { notifyApplicant } from "./notify-applicant";
import { recordApplicationChange } from "./record-application-change";

export interface ApproveApplicationInput {
  applicationId: string;
  /** Granted hours (millions of tokens for a token tier) per requested class; classes not named are granted as requested. */
  lines?: GrantInput[] | null;
  /** Defaults to the requested period. */
  validFrom?: Date | null;
  validTo?: Date | null;
  note?: string | null;
}

/**
 * Approves an application under review: prices the granted lines, reserves the programme share
 * against the budget and the organisation's cap (the database decides, see
 * reserveProgrammeBudget), creates the allocation, books it as de minimis aid when the applicant
 * is an undertaking (refused above the ceiling, see bookDeMinimisAid), records the decision and
 * tells the applicant — all in one transaction, so a refusal leaves nothing behind.
 */
export async function approveApplication(
  database: Database,
  actor: Actor,
  input: ApproveApplicationInput,
  now: Date = new Date(),
): Promise<{ applicationId: string; allocationId: string }> {
  const result = await database.$transaction(async (tx) => {
    const locked = await lockApplication(tx, input.applicationId, null);
    const transition = transitionApplication(locked.status, "approve");
    if (!transition.ok) throw preconditionFailed(transition.message);
    const application = await tx.allocationRequest.findUniqueOrThrow({
      where: { id: locked.id },
      include: {
        organization: { select: { id: true, name: true } },
        programme: true,
        lines: { include: { resourceClass: { select: { name: true, kind: true, unit: true } } } },
      },
    });
    await refuseMemberOfApplicant(
      tx,
      actor.userId,
      application.organizationId,
      `You are a member of ${application.organization.name}, so another administrator must decide on this application.`,
    );
    const validFrom = input.validFrom ?? application.periodStart;
    const validTo = input.validTo ?? application.periodEnd;
    if (validTo.getTime() <= validFrom.getTime()) {
      throw new AppError("INVALID", "The allocation must end after it starts.");
    }
    if (validTo.getTime() <= now.getTime()) {
      throw new AppError(
        "INVALID",
        "The allocation would already have ended; choose a later end date.",
      );
    }
    const granted = grantLines(
      application.lines.map((line) => ({
        resourceClassId: line.resourceClassId,
        resourceClassName: line.resourceClass.name,
        kind: line.resourceClass.kind,
        unit: line.resourceClass.unit,
        unitHours: line.unitHours,
        listPriceMinorPerHour: line.listPriceMinorPerHour,
      })),
      input.lines,
    );
    const priced = priceLines(
      granted.map((line) => ({
        resourceClassId: line.resourceClassId,
        unitHours: line.grantedUnitHours,
        listPriceMinorPerHour: line.listPriceMinorPerHour,
      })),
      application.programme.subsidyRateBps,
    );
    const { currency } = application.programme;
    if (
      grantsNothing(
        granted.map((line) => line.grantedUnitHours),
        {
          listValueMinor: priced.totals.listValueMinor,
          programmeShareMinor: priced.totals.programmeShareMinor,
          subsidyRateBps: application.programme.subsidyRateBps,
        },
      )
    ) {
      throw new AppError(
        "INVALID",
        `This award is worth ${formatMoney(0, currency)}: the programme would pay nothing for it. Grant more, or reject the application instead.`,
      );
    }
    await reserveProgrammeBudget(tx, {
      programmeId: application.programmeId,
      organizationId: application.organizationId,
      organizationName: application.organization.name,
      amountMinor: BigInt(priced.totals.programmeShareMinor),
      currency,
    });
    const allocation = await createAllocation(tx, {
      organizationId: application.organizationId,
      programmeId: application.programmeId,
      requestId: application.id,
      currency,
      validFrom,
      validTo,
      createdAt: now,
      priced,
      kinds: new Map(granted.map((line) => [line.resourceClassId, line.kind])),
    });
    const stateAid = await bookDeMinimisAid(tx, {
      organizationId: application.organizationId,
      requestId: application.id,
      allocationId: allocation.id,
      programme: application.programme,
      grossGrantEquivalentMinor: BigInt(priced.totals.programmeShareMinor),
      bookedById: actor.userId,
      now,
    });
    for (const line of granted) {
      await tx.allocationRequestLine.updateMany({
        where: { requestId: application.id, resourceClassId: line.resourceClassId },
        data: { grantedUnitHours: line.grantedUnitHours },
      });
    }
    const note = input.note?.trim() || null;
    await tx.allocationRequest.update({
      where: { id: application.id },
      data: {
        status: transition.to,
        decidedAt: now,
        decidedById: actor.userId,
        decisionNote: note,
        updatedAt: now,
      },
    });
    const reduced = granted.some((line) => line.grantedUnitHours < line.unitHours);
    const mail = await notifyApplicant(tx, locked, now, {
      title: `Application approved: ${application.title}`,
      body: [
        `${application.programme.name} approved "${application.title}"${reduced ? " with reduced amounts" : ""}.`,
        `The programme pays ${formatMoney(priced.totals.programmeShareMinor, currency)} of ${formatMoney(priced.totals.listValueMinor, currency)} at list price; your organisation's share is ${formatMoney(priced.totals.tenantShareMinor, currency)}.`,
        stateAid
          ? `This award is de minimis aid under ${application.programme.legalBasis}: a gross grant equivalent of ${formatMoney(stateAid.grossGrantEquivalentMinor, currency)}, granted on ${formatDay(stateAid.grantedOn)}. Keep this notice: declare it when you apply for de minimis aid elsewhere.`
          : "",
        note ? `Note from the programme: ${note}` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    });
    await recordApplicationChange(tx, actor, {
      application: locked,
      action: "application.approved",
      from: locked.status,
      to: transition.to,
      note,
      data: {
        allocationId: allocation.id,
        programmeShareMinor: priced.totals.programmeShareMinor,
        listValueMinor: priced.totals.listValueMinor,
        deMinimis: stateAid
          ? {
              grantedOn: stateAid.grantedOn,
              grossGrantEquivalentMinor: Number(stateAid.grossGrantEquivalentMinor),
              windowTotalMinor: Number(stateAid.windowTotalMinor),
              ceilingMinor: Number(stateAid.ceilingMinor),
            }
          : null,
        granted: granted.map((line) => ({
          resourceClassId: line.resourceClassId,
          requestedUnitHours: line.unitHours,
          grantedUnitHours: line.grantedUnitHours,
        })),
      },
      at: now,
    });
    return { applicationId: application.id, allocationId: allocation.id, mail };
  }, TX_OPTIONS);
  if (result.mail) await deliverMail(database, result.mail);
  return { applicationId: result.applicationId, allocationId: result.allocationId };
}
