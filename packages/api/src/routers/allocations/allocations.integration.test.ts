import { describe, expect, it } from "vitest";
import { placeHold, settleHold } from "@tessera/core";
import { db } from "@tessera/db";
import { callerFor, createTestMember, failureOf } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  draftInput,
} from "../programmes/fixtures";

const DAY = 86_400_000;

async function approvedAllocation(validTo: Date) {
  const gpu = await createTestResourceClass({ listPriceMinorPerHour: 300 });
  const programme = await createTestProgramme({ subsidyRateBps: 5_000 });
  const applicant = await createTestApplicant();
  const admin = await createProgrammeAdmin();
  const applicationId = await applicationUnderReview(admin, applicant, programme, [
    { resourceClassId: gpu.id, unitHours: 10 },
  ]);
  const { allocationId } = await callerFor(admin).applications.admin.approve({
    applicationId,
    validFrom: new Date(Date.now() - DAY),
    validTo,
  });
  const line = await db.allocationLine.findFirstOrThrow({ where: { allocationId } });
  return { gpu, programme, applicant, admin, applicationId, allocationId, line };
}

describe("allocations.list and get", () => {
  it("shows granted, held, consumed and remaining per line, and flags one that expires soon", async () => {
    const { applicant, allocationId, line, gpu } = await approvedAllocation(
      new Date(Date.now() + 10 * DAY),
    );
    const hold = await placeHold(db, {
      organizationId: applicant.org.id,
      allocationLineId: line.id,
      unitSeconds: 7_200,
      reference: `workload-${line.id}-1`,
    });
    await placeHold(db, {
      organizationId: applicant.org.id,
      allocationLineId: line.id,
      unitSeconds: 3_600,
      reference: `workload-${line.id}-2`,
    });
    await settleHold(db, {
      organizationId: applicant.org.id,
      holdId: hold.holdId,
      actualUnitSeconds: 5_400,
    });

    const { user: viewer } = await createTestMember(applicant.org.id, "VIEWER");
    const page = await callerFor(viewer).allocations.list({ organizationId: applicant.org.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: allocationId,
      state: "ACTIVE",
      expiresSoon: true,
      acceptsHolds: true,
      listValueMinor: 3_000,
      programmeShareMinor: 1_500,
      lines: [
        {
          resourceClass: { id: gpu.id },
          grantedUnitSeconds: 36_000,
          heldUnitSeconds: 3_600,
          consumedUnitSeconds: 5_400,
          remainingUnitSeconds: 27_000,
        },
      ],
    });
    const one = await callerFor(viewer).allocations.get({
      organizationId: applicant.org.id,
      allocationId,
    });
    expect(one.lines[0]!.remainingUnitSeconds).toBe(27_000);
    expect(
      (
        await callerFor(viewer).allocations.list({
          organizationId: applicant.org.id,
          activeOnly: true,
        })
      ).items,
    ).toHaveLength(1);
  });

  it("names a granted class whose price changed since the award, with both prices", async () => {
    const { applicant, allocationId, gpu } = await approvedAllocation(
      new Date(Date.now() + 60 * DAY),
    );
    const { user: viewer } = await createTestMember(applicant.org.id, "VIEWER");
    const get = () =>
      callerFor(viewer).allocations.get({ organizationId: applicant.org.id, allocationId });
    expect((await get()).repricedClasses).toEqual([]);

    await db.resourceClass.update({ where: { id: gpu.id }, data: { listPriceMinorPerHour: 350 } });
    const after = await get();
    expect(after.repricedClasses).toEqual([
      { name: gpu.name, kind: gpu.kind, unit: gpu.unit, quotedMinor: 300, nowMinor: 350 },
    ]);
    // The award's value stays what was granted at the quoted price.
    expect(after).toMatchObject({ listValueMinor: 3_000, programmeShareMinor: 1_500 });
  });

  it("does not flag an allocation with more than 14 days left, and lists an expired one as expired", async () => {
    const { applicant } = await approvedAllocation(new Date(Date.now() + 60 * DAY));
    const page = await callerFor(applicant.owner).allocations.list({
      organizationId: applicant.org.id,
    });
    expect(page.items[0]).toMatchObject({ state: "ACTIVE", expiresSoon: false });
    await db.allocation.updateMany({
      where: { organizationId: applicant.org.id },
      data: { validTo: new Date(Date.now() - 1_000) },
    });
    const after = await callerFor(applicant.owner).allocations.list({
      organizationId: applicant.org.id,
    });
    expect(after.items[0]).toMatchObject({
      state: "EXPIRED",
      expiresSoon: false,
      acceptsHolds: false,
    });
    expect(
      (
        await callerFor(applicant.owner).allocations.list({
          organizationId: applicant.org.id,
          activeOnly: true,
        })
      ).items,
    ).toEqual([]);
    expect(
      await failureOf(
        callerFor(applicant.owner).allocations.get({
          organizationId: applicant.org.id,
          allocationId: "missing",
        }),
      ),
    ).toEqual({
      code: "NOT_FOUND",
      message: "Allocation not found.",
    });
  });
});

describe("programmes.admin.dashboard", () => {
  it("counts applications by state, sets awards against the budget and burns down consumption", async () => {
    const { programme, applicant, admin, line, gpu } = await approvedAllocation(
      new Date(Date.now() + 90 * DAY),
    );
    // A second, still-draft application and a rejected one for the counts.
    await callerFor(applicant.owner).applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
    );
    const rejected = await applicationUnderReview(admin, await createTestApplicant(), programme, [
      { resourceClassId: gpu.id, unitHours: 1 },
    ]);
    await callerFor(admin).applications.admin.reject({
      applicationId: rejected,
      reason: "Not in the programme's scope.",
    });

    // 2 GPU-hours metered at €3.00 with 50 % subsidy: €3.00 of programme money.
    const start = new Date();
    await db.usageRecord.create({
      data: {
        organizationId: applicant.org.id,
        source: "SIM",
        sourceRef: `dash-${line.id}`,
        intervalStart: start,
        intervalEnd: new Date(start.getTime() + 7_200_000),
        resourceClassId: gpu.id,
        allocationLineId: line.id,
        quantity: 1,
        unitSeconds: 7_200n,
        energyMilliWh: 0n,
        energyBasis: "ESTIMATED",
      },
    });

    const today = start.toISOString().slice(0, 10);
    const dashboard = await callerFor(admin).programmes.admin.dashboard({
      programmeId: programme.id,
      from: new Date(Date.now() - 2 * DAY),
    });
    // The draft is the applicant's own until submitted: the programme does not count it.
    expect(dashboard.applicationsByState).toEqual({
      DRAFT: 0,
      SUBMITTED: 0,
      UNDER_REVIEW: 0,
      CHANGES_REQUESTED: 0,
      APPROVED: 1,
      REJECTED: 1,
      WITHDRAWN: 0,
    });
    expect(dashboard).toMatchObject({
      awardCount: 1,
      budgetMinor: 100_000_000,
      awardedMinor: 1_500,
      consumedMinor: 300,
      consumption: { invoiced: [], invoicedMinor: 0, uninvoicedMinor: 300 },
      unawardedMinor: 99_998_500,
    });
    expect(dashboard.burnDown).toHaveLength(3);
    expect(dashboard.burnDown[0]).toMatchObject({ awardedMinor: 0, consumedMinor: 0 });
    expect(dashboard.burnDown.at(-1)).toEqual({
      day: today,
      awardedMinor: 1_500,
      consumedMinor: 300,
      unawardedMinor: 99_998_500,
      committedMinor: 1_200,
    });
    const applicant2 = await createTestApplicant();
    expect(
      (
        await failureOf(
          callerFor(applicant2.owner).programmes.admin.dashboard({ programmeId: programme.id }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
