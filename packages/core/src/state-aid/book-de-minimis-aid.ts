import type { Prisma } from "@tessera/db";
import { AppError } from "../errors";
import { ceilingRefusal, deMinimisCeilingMinor, withinCeiling } from "./ceiling";
import { lockUndertaking } from "./lock-undertaking";
import { sumUndertakingAid } from "./sum-undertaking-aid";
import {
  dayToDate,
  isUndertaking,
  stateAidDay,
  STATE_AID_CURRENCY,
  threeYearWindow,
} from "./undertaking";

export interface BookDeMinimisAidInput {
  organizationId: string;
  requestId: string;
  allocationId: string;
  programme: { id: string; name: string; sponsor: string; currency: string; legalBasis: string };
  /** The award's list value × subsidy rate: its programme share, in the programme's currency. */
  grossGrantEquivalentMinor: bigint;
  bookedById: string | null;
  now: Date;
}

export interface BookedDeMinimisAid {
  grantedOn: string;
  undertakingGroupId: string | null;
  grossGrantEquivalentMinor: bigint;
  /** The undertaking's rolling three-year total with this award. */
  windowTotalMinor: bigint;
  ceilingMinor: bigint;
}

/**
 * Books an award as de minimis aid, inside the approval's transaction, or refuses it with the
 * figures. Under the undertaking's locks (lockUndertaking) it adds up what the organisation and
 * its group received in the three years to the award date — booked awards and declared other
 * aid, this application's declaration included — and refuses when this award's gross grant
 * equivalent would take the total above the ceiling. So two approvals at once that together cross
 * the ceiling are decided one after the other, and the second sees the first's booking.
 * Organisations that are not undertakings, and awards worth nothing to them, book nothing (null).
 */
export async function bookDeMinimisAid(
  tx: Pick<Prisma.TransactionClient, "$queryRaw" | "stateAidAward" | "declaredDeMinimisAid">,
  input: BookDeMinimisAidInput,
): Promise<BookedDeMinimisAid | null> {
  const { organization, group } = await lockUndertaking(tx, input.organizationId);
  if (!isUndertaking(organization) || input.grossGrantEquivalentMinor <= 0n) return null;
  if (input.programme.currency !== STATE_AID_CURRENCY) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${organization.name} is an undertaking, so this award is de minimis aid, which is recorded in euros; ${input.programme.name} pays in ${input.programme.currency} and Tessera has no exchange rate to book it. Reject the application, or award it from a programme that pays in euros.`,
    );
  }
  const grantedOn = stateAidDay(input.now);
  const window = threeYearWindow(grantedOn);
  const received = await sumUndertakingAid(tx, {
    organizationId: organization.id,
    groupId: group?.id ?? null,
    window,
    pendingRequestId: input.requestId,
  });
  const receivedMinor = received.awardedMinor + received.declaredMinor;
  const ceilingMinor = deMinimisCeilingMinor();
  const figures = {
    receivedMinor,
    awardMinor: input.grossGrantEquivalentMinor,
    ceilingMinor,
    day: grantedOn,
  };
  if (!withinCeiling(figures)) {
    const undertaking = group
      ? `${organization.name} (with its group, ${group.name})`
      : organization.name;
    throw new AppError("PRECONDITION_FAILED", ceilingRefusal(undertaking, figures), {
      limit: "de_minimis",
      receivedMinor: receivedMinor.toString(),
      awardMinor: input.grossGrantEquivalentMinor.toString(),
      ceilingMinor: ceilingMinor.toString(),
    });
  }
  const windowTotalMinor = receivedMinor + input.grossGrantEquivalentMinor;
  const common = {
    organizationId: organization.id,
    undertakingGroupId: group?.id ?? null,
    requestId: input.requestId,
    currency: STATE_AID_CURRENCY,
    bookedById: input.bookedById,
  };
  await tx.stateAidAward.create({
    data: {
      ...common,
      kind: "AWARD",
      allocationId: input.allocationId,
      programmeId: input.programme.id,
      grantor: input.programme.sponsor,
      legalBasis: input.programme.legalBasis,
      grantedOn: dayToDate(grantedOn),
      grossGrantEquivalentMinor: input.grossGrantEquivalentMinor,
      ceilingMinor,
      windowTotalMinor,
    },
  });
  // The declaration the award was decided with is kept in the ledger beside it.
  const declared = await tx.declaredDeMinimisAid.findMany({
    where: { requestId: input.requestId },
    orderBy: { position: "asc" },
  });
  if (declared.length > 0) {
    await tx.stateAidAward.createMany({
      data: declared.map((aid) => ({
        ...common,
        kind: "DECLARED" as const,
        grantor: aid.grantor,
        legalBasis: "Declared by the applicant as other de minimis aid",
        grantedOn: aid.grantedOn,
        grossGrantEquivalentMinor: aid.amountMinor,
      })),
    });
  }
  return {
    grantedOn,
    undertakingGroupId: group?.id ?? null,
    grossGrantEquivalentMinor: input.grossGrantEquivalentMinor,
    windowTotalMinor,
    ceilingMinor,
  };
}
