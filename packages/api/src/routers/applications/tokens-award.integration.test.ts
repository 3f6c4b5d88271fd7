import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { callerFor, failureOf, uniqueSuffix } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
} from "../programmes/fixtures";

afterAll(closeRateLimiter);

/** A token tier at 40 cents per million tokens and a GPU class at €2.95 per GPU-hour. */
async function classes() {
  const tokens = await createTestResourceClass({
    kind: "TOKENS",
    name: `Shared 8B chat model — tokens ${uniqueSuffix()}`,
    listPriceMinorPerHour: 40,
  });
  const gpu = await createTestResourceClass({ listPriceMinorPerHour: 295 });
  return { tokens, gpu };
}

describe("an application for tokens of a shared model", () => {
  it("is quoted, reviewed and awarded in millions of tokens, priced per million", async () => {
    const { tokens, gpu } = await classes();
    const programme = await createTestProgramme({ subsidyRateBps: 7_000 });
    const applicant = await createTestApplicant();
    const lines = [
      { resourceClassId: tokens.id, unitHours: 25 },
      { resourceClassId: gpu.id, unitHours: 10 },
    ];

    // 25 million tokens at €0.40 per million = €10.00, the programme pays 70 %.
    const quote = await callerFor(applicant.owner).applications.quote({
      programmeId: programme.id,
      lines,
    });
    const quoted = quote.lines.find((line) => line.resourceClassId === tokens.id)!;
    expect(quoted).toMatchObject({
      unitHours: 25,
      listPriceMinorPerHour: 40,
      listValueMinor: 1_000,
      programmeShareMinor: 700,
      tenantShareMinor: 300,
      resourceClass: { kind: "TOKENS" },
    });
    expect(quote.totals).toEqual({
      listValueMinor: 1_000 + 2_950,
      programmeShareMinor: 700 + 2_065,
      tenantShareMinor: 300 + 885,
    });

    const admin = await createProgrammeAdmin();
    const applicationId = await applicationUnderReview(admin, applicant, programme, lines);
    const forAdmin = await callerFor(admin).applications.admin.get({ applicationId });
    expect(forAdmin.lines.find((line) => line.resourceClassId === tokens.id)).toMatchObject({
      unitHours: 25,
      listValueMinor: 1_000,
      resourceClass: { kind: "TOKENS" },
    });

    const tooMuch = await failureOf(
      callerFor(admin).applications.admin.approve({
        applicationId,
        lines: [{ resourceClassId: tokens.id, grantedUnitHours: 26 }],
      }),
    );
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(tooMuch.message).toBe(
      `You can grant at most 25 million tokens of ${tokens.name}, what was requested.`,
    );

    // Granted 20 million: €8.00 at list, the programme pays €5.60; the GPU line as requested.
    const { allocationId } = await callerFor(admin).applications.admin.approve({
      applicationId,
      lines: [{ resourceClassId: tokens.id, grantedUnitHours: 20 }],
    });
    const allocation = await db.allocation.findUniqueOrThrow({
      where: { id: allocationId },
      include: { lines: true },
    });
    expect(allocation).toMatchObject({
      listValueMinor: 800n + 2_950n,
      programmeShareMinor: 560n + 2_065n,
      tenantShareMinor: 240n + 885n,
    });
    const tokenLine = allocation.lines.find((line) => line.resourceClassId === tokens.id)!;
    const gpuLine = allocation.lines.find((line) => line.resourceClassId === gpu.id)!;
    expect(tokenLine).toMatchObject({
      grantedUnitSeconds: 20_000_000n,
      heldUnitSeconds: 0n,
      consumedUnitSeconds: 0n,
      listPriceMinorPerHour: 40,
    });
    expect(gpuLine.grantedUnitSeconds).toBe(36_000n);
    // The programme's budget carries exactly the award's programme share.
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(560n + 2_065n);

    // The organisation's allocation page reads its lines in tokens, its pricing in millions.
    const view = await callerFor(applicant.owner).allocations.get({
      organizationId: applicant.org.id,
      allocationId,
    });
    expect(view.lines.find((line) => line.resourceClass.id === tokens.id)).toMatchObject({
      resourceClass: { kind: "TOKENS" },
      grantedUnitSeconds: 20_000_000,
      remainingUnitSeconds: 20_000_000,
    });
    expect(view.pricing.lines.find((line) => line.resourceClassId === tokens.id)).toMatchObject({
      requested: { unitHours: 25, listValueMinor: 1_000 },
      granted: { unitHours: 20, listValueMinor: 800, programmeShareMinor: 560 },
    });
    expect(view.pricedClasses.find((rc) => rc.id === tokens.id)?.kind).toBe("TOKENS");
  });

  it("refuses a fraction of a million tokens with a message that names the quantity", async () => {
    const { tokens } = await classes();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const refused = await failureOf(
      callerFor(applicant.owner).applications.quote({
        programmeId: programme.id,
        lines: [{ resourceClassId: tokens.id, unitHours: 1.5 }],
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(
      `Line 1: Enter a whole number of millions of tokens for ${tokens.name}, at least 1.`,
    );
  });
});
