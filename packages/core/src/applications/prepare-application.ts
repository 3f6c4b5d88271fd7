import type { DataClassification, ResourceClass } from "@tessera/db";
import { AppError, notFound, preconditionFailed } from "../errors";
import { callState } from "../programmes/call-state";
import { onLine, requestedQuantityProblem } from "./quantity-messages";
import type { TenantTransaction } from "../tenancy/tenant-access";
import { checkDeclaredAid, type DeclaredAidInput } from "../state-aid/declared-aid";
import { dayToDate, stateAidDay } from "../state-aid/undertaking";

export interface RequestedLineInput {
  resourceClassId: string;
  unitHours: number;
}

export interface ApplicationDraftInput {
  projectId: string;
  programmeId: string;
  callId: string;
  title: string;
  abstract: string;
  justification: string;
  dataClassification: DataClassification;
  periodStart: Date;
  periodEnd: Date;
  lines: RequestedLineInput[];
  /**
   * Other de minimis aid the organisation (and its group) received in the last three years, as
   * the applicant declares it; empty = none. Asked of undertakings (see state-aid/undertaking.ts).
   */
  otherDeMinimisAid?: DeclaredAidInput[];
}

export const MAX_APPLICATION_LINES = 20;

const CLASSIFICATION_RANK: Record<DataClassification, number> = {
  PUBLIC: 0,
  INTERNAL: 1,
  CONFIDENTIAL: 2,
  RESTRICTED: 3,
};

const longDate = (date: Date) =>
  date.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Pure: the period an application asks for must be a real, future window. */
export function checkPeriod(periodStart: Date, periodEnd: Date, now: Date): void {
  if (periodEnd.getTime() <= periodStart.getTime()) {
    throw new AppError("INVALID", "The period must end after it starts.");
  }
  if (periodEnd.getTime() <= now.getTime()) {
    throw new AppError(
      "INVALID",
      "The period has already ended; choose an end date in the future.",
    );
  }
}

/** Pure: an application may be stricter than its project's classification, never looser. */
export function checkClassification(
  project: { name: string; classification: DataClassification },
  chosen: DataClassification,
): void {
  if (CLASSIFICATION_RANK[chosen] < CLASSIFICATION_RANK[project.classification]) {
    throw new AppError(
      "INVALID",
      `The project "${project.name}" holds ${project.classification.toLowerCase()} data; the application cannot declare a lower classification.`,
    );
  }
}

/** Checks requested lines against the catalogue and returns them with today's list prices. */
export async function priceRequestedLines(
  tx: {
    resourceClass: {
      findMany(args: { where: { id: { in: string[] } } }): PromiseLike<ResourceClass[]>;
    };
  },
  lines: readonly RequestedLineInput[],
  currency: string,
) {
  if (lines.length === 0) throw new AppError("INVALID", "Request at least one resource class.");
  if (lines.length > MAX_APPLICATION_LINES) {
    throw new AppError("INVALID", `Request at most ${MAX_APPLICATION_LINES} resource classes.`);
  }
  const ids = lines.map((line) => line.resourceClassId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError(
      "INVALID",
      "Each resource class may appear only once; add the hours together.",
    );
  }
  const classes = await tx.resourceClass.findMany({ where: { id: { in: ids } } });
  const byId = new Map(classes.map((rc) => [rc.id, rc]));
  return lines.map((line, index) => {
    const resourceClass = byId.get(line.resourceClassId);
    if (!resourceClass) throw notFound("Resource class");
    // Checked here, where the class is known, so the refusal names its unit as the form does.
    const problem = requestedQuantityProblem(line.unitHours, resourceClass);
    if (problem) throw new AppError("INVALID", onLine(index, problem));
    if (!resourceClass.active) {
      throw preconditionFailed(
        `${resourceClass.name} is no longer offered; remove it from the application.`,
      );
    }
    if (resourceClass.currency !== currency) {
      throw preconditionFailed(
        `${resourceClass.name} is priced in ${resourceClass.currency}, but this programme pays in ${currency}.`,
      );
    }
    return {
      resourceClassId: resourceClass.id,
      unitHours: line.unitHours,
      listPriceMinorPerHour: resourceClass.listPriceMinorPerHour,
    };
  });
}

/**
 * Resolves and checks what a draft points at: the organisation's own project (tenant-scoped), the
 * programme and one of its calls (not closed), and the requested lines.
 */
export async function prepareApplication(
  tx: TenantTransaction,
  input: ApplicationDraftInput,
  now: Date,
) {
  const project = await tx.project.findUnique({ where: { id: input.projectId } });
  if (!project) throw notFound("Project");
  const call = await tx.programmeCall.findFirst({
    where: { id: input.callId, programmeId: input.programmeId },
    include: { programme: true },
  });
  if (!call) throw notFound("Call");
  if (callState(call, now) === "CLOSED") {
    throw preconditionFailed(`The call "${call.name}" closed on ${longDate(call.closesAt)}.`);
  }
  checkPeriod(input.periodStart, input.periodEnd, now);
  checkClassification(project, input.dataClassification);
  const lines = await priceRequestedLines(tx, input.lines, call.programme.currency);
  // Checked only when (re)declared: an earlier declaration stays as it was made.
  const declaredAid = input.otherDeMinimisAid
    ? checkDeclaredAid(input.otherDeMinimisAid, stateAidDay(now)).map((aid, position) => ({
        position,
        grantor: aid.grantor,
        amountMinor: BigInt(aid.amountMinor),
        grantedOn: dayToDate(aid.grantedOn),
      }))
    : null;
  return { project, call, programme: call.programme, lines, declaredAid };
}

export { longDate };
