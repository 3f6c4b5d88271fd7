/**
 * The budget guard: an approval that would take awards past the programme budget or the
 * organisation's cap is refused with how much it is over — also when administrators approve at the
 * same moment, because the database (a conditional UPDATE and CHECK constraints) decides.
 */
import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, failureOf } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
} from "../programmes/fixtures";

describe("budget guard", () => {
  it("refuses an approval past the budget and says by how much", async () => {
    // 100 hours at €10 with a full subsidy: €1,000.00 from the programme, against a €900.00 budget.
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 1_000 });
    const programme = await createTestProgramme({
      budgetMinor: 90_000,
      orgCapMinor: 90_000,
      subsidyRateBps: 10_000,
    });
    const admin = await createProgrammeAdmin();
    const applicant = await createTestApplicant();
    const applicationId = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 100 },
    ]);
    const failure = await failureOf(callerFor(admin).applications.admin.approve({ applicationId }));
    expect(failure).toEqual({
      code: "PRECONDITION_FAILED",
      message:
        "Approving this award would exceed the programme budget by €100.00: the programme has €900.00 left and this award is €1,000.00. Grant less, or raise the budget.",
    });
    expect(
      (await db.allocationRequest.findUniqueOrThrow({ where: { id: applicationId } })).status,
    ).toBe("UNDER_REVIEW");
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(0);
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(0n);

    // Granting 90 hours fits exactly.
    await callerFor(admin).applications.admin.approve({
      applicationId,
      lines: [{ resourceClassId: gpu.id, grantedUnitHours: 90 }],
    });
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(90_000n);
  });

  it("refuses an approval past the organisation's cap, counting earlier awards", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 1_000 });
    const programme = await createTestProgramme({
      budgetMinor: 10_000_000,
      orgCapMinor: 150_000,
      subsidyRateBps: 10_000,
    });
    const admin = await createProgrammeAdmin();
    const applicant = await createTestApplicant();
    const first = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 100 },
    ]);
    await callerFor(admin).applications.admin.approve({ applicationId: first });
    const second = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 60 },
    ]);
    // The administrator sees it where she decides, by the rule the approval applies.
    const seen = await callerFor(admin).applications.admin.get({ applicationId: second });
    expect(seen.standing).toMatchObject({
      organizationAwardedMinor: 100_000,
      capMinor: 150_000,
      capRemainingMinor: 50_000,
    });
    expect(seen.organizationLimit).toMatchObject({
      remainingMinor: 50_000,
      requestedMinor: 60_000,
      overByMinor: 10_000,
      fits: false,
    });
    const failure = await failureOf(
      callerFor(admin).applications.admin.approve({ applicationId: second }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toBe(
      `Approving this award would exceed the limit per organisation by €100.00: ${applicant.org.name} has been awarded €1,000.00 of its €1,500.00 limit, so €500.00 is left, and this award is €600.00. Grant at most €500.00 of programme share.`,
    );
    // The budget reservation made before the cap check was rolled back with it.
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(100_000n);

    // Another organisation still has its own cap.
    const other = await createTestApplicant();
    const theirs = await applicationUnderReview(admin, other, programme, [
      { resourceClassId: gpu.id, unitHours: 60 },
    ]);
    await callerFor(admin).applications.admin.approve({ applicationId: theirs });
  });

  it("refuses an award of nothing (no hours, or €0.00 of programme share) and writes nothing", async () => {
    // A class priced at €0.01 an hour: one hour at a 40 % subsidy rounds to €0.00 of programme share.
    const cheap = await createTestResourceClass({ listPriceMinorPerHour: 1 });
    const programme = await createTestProgramme({ subsidyRateBps: 4_000 });
    const admin = await createProgrammeAdmin();
    const applicant = await createTestApplicant();
    const applicationId = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: cheap.id, unitHours: 10 },
    ]);
    const noHours = await failureOf(
      callerFor(admin).applications.admin.approve({
        applicationId,
        lines: [{ resourceClassId: cheap.id, grantedUnitHours: 0 }],
      }),
    );
    expect(noHours).toEqual({
      code: "BAD_REQUEST",
      message: "Grant at least one hour, or reject the application instead.",
    });
    const worthNothing = await failureOf(
      callerFor(admin).applications.admin.approve({
        applicationId,
        lines: [{ resourceClassId: cheap.id, grantedUnitHours: 1 }],
      }),
    );
    expect(worthNothing).toEqual({
      code: "BAD_REQUEST",
      message:
        "This award is worth €0.00: the programme would pay nothing for it. Grant more, or reject the application instead.",
    });
    expect(
      (await db.allocationRequest.findUniqueOrThrow({ where: { id: applicationId } })).status,
    ).toBe("UNDER_REVIEW");
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(0);
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(0n);
    expect(
      await db.programmeOrganizationAward.count({ where: { programmeId: programme.id } }),
    ).toBe(0);
  });

  it("approves in a programme that pays no share (0 %): compute at the organisation's cost", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 295 });
    const programme = await createTestProgramme({ subsidyRateBps: 0 });
    const admin = await createProgrammeAdmin();
    const applicant = await createTestApplicant();
    const applicationId = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 10 },
    ]);
    await callerFor(admin).applications.admin.approve({ applicationId });
    const award = await db.allocation.findFirstOrThrow({ where: { requestId: applicationId } });
    expect({
      list: award.listValueMinor,
      programme: award.programmeShareMinor,
      tenant: award.tenantShareMinor,
    }).toEqual({ list: 2_950n, programme: 0n, tenant: 2_950n });
  });

  it("lets exactly one of two simultaneous approvals through when only one fits the budget", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 1_000 });
    // Each award is €700.00 from the programme; the budget holds one, not two.
    const programme = await createTestProgramme({
      budgetMinor: 100_000,
      orgCapMinor: 100_000,
      subsidyRateBps: 10_000,
    });
    const [alice, bob] = [await createProgrammeAdmin(), await createProgrammeAdmin()];
    const applications = [];
    for (let i = 0; i < 6; i += 1) {
      applications.push(
        await applicationUnderReview(alice, await createTestApplicant(), programme, [
          { resourceClassId: gpu.id, unitHours: 70 },
        ]),
      );
    }
    const results = await Promise.allSettled(
      applications.map((applicationId, i) =>
        callerFor(i % 2 ? bob : alice).applications.admin.approve({ applicationId }),
      ),
    );
    const approved = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    expect(approved).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const error of refused)
      expect(error.message).toMatch(
        /^Approving this award would exceed the programme budget by €400\.00/,
      );

    const state = await db.programme.findUniqueOrThrow({ where: { id: programme.id } });
    expect(state.awardedMinor).toBe(70_000n);
    const allocations = await db.allocation.aggregate({
      where: { programmeId: programme.id },
      _sum: { programmeShareMinor: true },
      _count: true,
    });
    expect(allocations._count).toBe(1);
    expect(allocations._sum.programmeShareMinor).toBe(state.awardedMinor);
  });

  it("lets the same application be approved only once when two administrators click together", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const [alice, bob] = [await createProgrammeAdmin(), await createProgrammeAdmin()];
    const applicationId = await applicationUnderReview(
      alice,
      await createTestApplicant(),
      programme,
      [{ resourceClassId: gpu.id, unitHours: 10 }],
    );
    const results = await Promise.allSettled([
      callerFor(alice).applications.admin.approve({ applicationId }),
      callerFor(bob).applications.admin.approve({ applicationId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(1);
    const share = (await db.allocation.findFirstOrThrow({ where: { requestId: applicationId } }))
      .programmeShareMinor;
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(share);
  });

  it("has the database refuse an awarded total past the budget even from raw SQL", async () => {
    const programme = await createTestProgramme({ budgetMinor: 1_000 });
    await expect(
      db.$executeRaw`UPDATE "Programme" SET "awardedMinor" = 1001 WHERE "id" = ${programme.id}`,
    ).rejects.toThrow(/Programme_awarded_within_budget/);
  });

  it("will not lower a budget below what is already awarded", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 1_000 });
    const programme = await createTestProgramme({
      budgetMinor: 1_000_000,
      orgCapMinor: 1_000_000,
      subsidyRateBps: 10_000,
    });
    const admin = await createProgrammeAdmin();
    const applicationId = await applicationUnderReview(
      admin,
      await createTestApplicant(),
      programme,
      [{ resourceClassId: gpu.id, unitHours: 100 }],
    );
    await callerFor(admin).applications.admin.approve({ applicationId });
    const failure = await failureOf(
      callerFor(admin).programmes.admin.update({
        programmeId: programme.id,
        budgetMinor: 99_999,
        orgCapMinor: 99_999,
      }),
    );
    expect(failure).toEqual({
      code: "PRECONDITION_FAILED",
      message:
        "This programme has already awarded €1,000.00; the budget cannot be lower than that.",
    });
    const lowered = await callerFor(admin).programmes.admin.update({
      programmeId: programme.id,
      budgetMinor: 100_000,
      orgCapMinor: 100_000,
    });
    expect(lowered).toMatchObject({
      budgetMinor: 100_000,
      awardedMinor: 100_000,
      remainingMinor: 0,
    });
  });
});
