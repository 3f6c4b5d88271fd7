import { describe, expect, it } from "vitest";
import { callerFor } from "../../test-helpers";
import {
  createProgrammeAdmin,
  createReviewer,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  submittedApplication,
} from "../programmes/fixtures";

// 1,000 GPU-hours requested at €3.00, 600 granted; 2,000 CPU-hours at €0.05, all granted; 70 %.
const REQUESTED = {
  listValueMinor: 310_000,
  programmeShareMinor: 217_000,
  tenantShareMinor: 93_000,
};
const GRANTED = { listValueMinor: 190_000, programmeShareMinor: 133_000, tenantShareMinor: 57_000 };
const GPU_REQUESTED = {
  unitHours: 1_000,
  listValueMinor: 300_000,
  programmeShareMinor: 210_000,
  tenantShareMinor: 90_000,
};
const GPU_GRANTED = {
  unitHours: 600,
  listValueMinor: 180_000,
  programmeShareMinor: 126_000,
  tenantShareMinor: 54_000,
};

describe("a reduced award's figures", () => {
  it("every priced view shows requested and granted side by side, priced at what each is", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 300 });
    const cpu = await createTestResourceClass({ listPriceMinorPerHour: 5, kind: "CPU" });
    const programme = await createTestProgramme({ subsidyRateBps: 7_000 });
    const applicant = await createTestApplicant();
    const admin = await createProgrammeAdmin();
    const reviewer = await createReviewer();
    const applicationId = await submittedApplication(applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 1_000 },
      { resourceClassId: cpu.id, unitHours: 2_000 },
    ]);
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: reviewer.id,
    });
    await callerFor(reviewer).reviews.score({
      reviewId: review.id,
      score: 4,
      comment: "A sound plan, well argued.",
    });
    const { allocationId } = await callerFor(admin).applications.admin.approve({
      applicationId,
      lines: [{ resourceClassId: gpu.id, grantedUnitHours: 600 }],
    });

    const applicantView = await callerFor(applicant.owner).applications.get({
      organizationId: applicant.org.id,
      applicationId,
    });
    const adminView = await callerFor(admin).applications.admin.get({ applicationId });
    const reviewerView = (await callerFor(reviewer).reviews.get({ reviewId: review.id }))
      .application;
    const allocation = await callerFor(applicant.owner).allocations.get({
      organizationId: applicant.org.id,
      allocationId,
    });
    for (const [who, pricing] of [
      ["applicant", applicantView.pricing],
      ["administrator", adminView.pricing],
      ["reviewer", reviewerView.pricing],
      ["allocation", allocation.pricing],
    ] as const) {
      expect(pricing.requested, who).toEqual(REQUESTED);
      expect(pricing.granted, who).toEqual(GRANTED);
      const gpuLine = pricing.lines.find((line) => line.resourceClassId === gpu.id);
      expect(gpuLine?.requested, who).toEqual(GPU_REQUESTED);
      expect(gpuLine?.granted, who).toEqual(GPU_GRANTED);
    }
    // The allocation's stored totals are the granted ones.
    expect(allocation.listValueMinor).toBe(GRANTED.listValueMinor);

    const applicantList = await callerFor(applicant.owner).applications.list({
      organizationId: applicant.org.id,
    });
    const adminList = await callerFor(admin).applications.admin.list({
      programmeId: programme.id,
    });
    for (const [who, items] of [
      ["applicant's list", applicantList.items],
      ["administrator's list", adminList.items],
    ] as const) {
      const row = items.find((item) => item.id === applicationId);
      expect(row?.requested, who).toEqual(REQUESTED);
      expect(row?.granted, who).toEqual(GRANTED);
    }
  });

  it("has no granted side before a decision", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 300 });
    const programme = await createTestProgramme({ subsidyRateBps: 7_000 });
    const applicant = await createTestApplicant();
    const applicationId = await submittedApplication(applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 1_000 },
    ]);
    const view = await callerFor(applicant.owner).applications.get({
      organizationId: applicant.org.id,
      applicationId,
    });
    expect(view.pricing.granted).toBeNull();
    expect(view.pricing.lines[0]?.requested).toEqual(GPU_REQUESTED);
  });
});
