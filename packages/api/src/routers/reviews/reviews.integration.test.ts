import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, createTestMember, createTestUser, failureOf } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createReviewer,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  draftInput,
  submittedApplication,
} from "../programmes/fixtures";

async function setup() {
  const gpu = await createTestResourceClass();
  const programme = await createTestProgramme();
  const applicant = await createTestApplicant();
  const admin = await createProgrammeAdmin();
  const applicationId = await submittedApplication(applicant, programme, [
    { resourceClassId: gpu.id, unitHours: 100 },
  ]);
  return { gpu, programme, applicant, admin, applicationId };
}

describe("reviews.admin.assign", () => {
  it("assigns reviewers, which puts the application under review", async () => {
    const { admin, applicant, applicationId } = await setup();
    const reviewer = await createReviewer();
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: reviewer.id,
    });
    expect(review.reviewer).toMatchObject({ id: reviewer.id });
    const seen = await callerFor(applicant.owner).applications.get({
      organizationId: applicant.org.id,
      applicationId,
    });
    expect(seen.status).toBe("UNDER_REVIEW");
    expect(seen.events.at(-1)).toMatchObject({
      fromStatus: "SUBMITTED",
      toStatus: "UNDER_REVIEW",
      actor: { id: admin.id },
    });
    // Reviewer names stay off the applicant's own audit log.
    const orgAudit = await db.auditEvent.findMany({
      where: { organizationId: applicant.org.id, action: { startsWith: "review." } },
    });
    expect(orgAudit).toEqual([]);
    expect(
      await db.auditEvent.count({ where: { action: "review.assigned", targetId: review.id } }),
    ).toBe(1);

    const twice = await failureOf(
      callerFor(admin).reviews.admin.assign({ applicationId, reviewerId: reviewer.id }),
    );
    expect(twice.code).toBe("CONFLICT");
    const listed = await callerFor(admin).reviews.admin.reviewers({ q: reviewer.email! });
    expect(listed.items).toEqual([
      { id: reviewer.id, name: reviewer.name, email: reviewer.email, pendingReviews: 1 },
    ]);
  });

  it("refuses someone without the reviewer role, and a reviewer who belongs to the applicant", async () => {
    const { admin, applicant, applicationId } = await setup();
    const plain = await createTestUser();
    expect(
      (
        await failureOf(
          callerFor(admin).reviews.admin.assign({ applicationId, reviewerId: plain.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const insider = await createReviewer();
    await createTestMember(applicant.org.id, "VIEWER").then(({ membership }) =>
      db.membership.update({ where: { id: membership.id }, data: { userId: insider.id } }),
    );
    const failure = await failureOf(
      callerFor(admin).reviews.admin.assign({ applicationId, reviewerId: insider.id }),
    );
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toMatch(/belongs to the applicant organisation/);
    expect(await db.review.count({ where: { requestId: applicationId } })).toBe(0);
  });

  it("is refused to a reviewer and to the applicant", async () => {
    const { applicant, applicationId } = await setup();
    const reviewer = await createReviewer();
    for (const user of [reviewer, applicant.owner]) {
      const failure = await failureOf(
        callerFor(user).reviews.admin.assign({ applicationId, reviewerId: reviewer.id }),
      );
      expect(failure.code).toBe("FORBIDDEN");
    }
  });
});

describe("reviewer isolation", () => {
  it("shows a reviewer only their own assignments; another's id is NOT_FOUND and changes nothing", async () => {
    const { admin, applicationId } = await setup();
    const mine = await createReviewer();
    const stranger = await createReviewer();
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: mine.id,
    });

    const own = await callerFor(mine).reviews.get({ reviewId: review.id });
    expect(own.application).toMatchObject({ id: applicationId, status: "UNDER_REVIEW" });
    expect(own.actions).toEqual({ score: true, declareConflict: true });
    expect((await callerFor(mine).reviews.list({})).items.map((r) => r.id)).toEqual([review.id]);
    expect((await callerFor(stranger).reviews.list({})).items).toEqual([]);

    const before = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    const attempts = [
      () => callerFor(stranger).reviews.get({ reviewId: review.id }),
      () =>
        callerFor(stranger).reviews.score({
          reviewId: review.id,
          score: 1,
          comment: "Hijacked review.",
        }),
      () =>
        callerFor(stranger).reviews.declareConflict({ reviewId: review.id, reason: "Hijacked." }),
    ];
    for (const attempt of attempts) {
      expect(await failureOf(attempt())).toEqual({
        code: "NOT_FOUND",
        message: "Review not found.",
      });
    }
    expect(
      await failureOf(callerFor(stranger).reviews.get({ reviewId: "does-not-exist" })),
    ).toEqual({
      code: "NOT_FOUND",
      message: "Review not found.",
    });
    expect(await db.review.findUniqueOrThrow({ where: { id: review.id } })).toEqual(before);
  });
});

describe("scores, conflicts and the administrator's view", () => {
  it("puts scores and conflicts side by side; a conflicted reviewer cannot score", async () => {
    const { admin, applicationId } = await setup();
    const [first, second, conflicted] = [
      await createReviewer(),
      await createReviewer(),
      await createReviewer(),
    ];
    const assign = (reviewerId: string) =>
      callerFor(admin).reviews.admin.assign({ applicationId, reviewerId });
    const [r1, r2, r3] = [
      await assign(first.id),
      await assign(second.id),
      await assign(conflicted.id),
    ];

    // A comment of invisible characters only is told what to write, in a sentence.
    const blank = await failureOf(
      callerFor(first).reviews.score({ reviewId: r1.id, score: 5, comment: "\u200B".repeat(12) }),
    );
    expect(blank).toEqual({
      code: "BAD_REQUEST",
      message: "Enter a comment. Invisible characters alone do not count.",
    });
    await callerFor(first).reviews.score({
      reviewId: r1.id,
      score: 5,
      comment: "Clear plan and a sound estimate.",
    });
    await callerFor(second).reviews.score({
      reviewId: r2.id,
      score: 2,
      comment: "The estimate looks inflated.",
    });
    await callerFor(conflicted).reviews.score({
      reviewId: r3.id,
      score: 4,
      comment: "Looks fine to me overall.",
    });
    const declared = await callerFor(conflicted).reviews.declareConflict({
      reviewId: r3.id,
      reason: "I co-author with the PI.",
    });
    expect(declared).toMatchObject({
      state: "CONFLICT",
      score: null,
      actions: { score: false, declareConflict: false },
    });
    const refused = await failureOf(
      callerFor(conflicted).reviews.score({
        reviewId: r3.id,
        score: 5,
        comment: "Trying again anyway.",
      }),
    );
    expect(refused).toEqual({
      code: "PRECONDITION_FAILED",
      message: "You declared a conflict of interest for this application, so you cannot score it.",
    });

    const view = await callerFor(admin).applications.admin.get({ applicationId });
    expect(view.reviews.map((r) => [r.reviewer.id, r.score, r.conflictReason])).toEqual([
      [first.id, 5, null],
      [second.id, 2, null],
      [conflicted.id, null, "I co-author with the PI."],
    ]);
    expect(view.reviewSummary).toEqual({
      assigned: 3,
      scored: 2,
      conflicts: 1,
      expected: 2,
      open: 0,
      closed: 0,
      meanScore: 3.5,
    });
    expect(view.actions).toMatchObject({ approve: true, reject: true, requestChanges: true });
    const listed = await callerFor(admin).applications.admin.list({
      q: view.title,
      programmeId: view.programme.id,
    });
    expect(listed.items[0]).toMatchObject({ id: applicationId, reviewSummary: view.reviewSummary });
  });

  it("refuses scores outside 1–5 and scoring once the application is decided", async () => {
    const { admin, applicationId } = await setup();
    const reviewer = await createReviewer();
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: reviewer.id,
    });
    const bad = await failureOf(
      callerFor(reviewer).reviews.score({
        reviewId: review.id,
        score: 6,
        comment: "Too generous a score.",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    await callerFor(admin).applications.admin.reject({
      applicationId,
      reason: "Out of the programme's scope.",
    });
    const late = await failureOf(
      callerFor(reviewer).reviews.score({
        reviewId: review.id,
        score: 3,
        comment: "A late opinion here.",
      }),
    );
    expect(late.message).toBe("Scores can be given only while the application is under review.");
    expect((await callerFor(reviewer).reviews.get({ reviewId: review.id })).state).toBe("CLOSED");
  });

  it("unassigns a reviewer while the application is undecided", async () => {
    const { admin, applicationId } = await setup();
    const reviewer = await createReviewer();
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: reviewer.id,
    });
    await callerFor(admin).reviews.admin.unassign({ reviewId: review.id });
    expect(await failureOf(callerFor(reviewer).reviews.get({ reviewId: review.id }))).toMatchObject(
      { code: "NOT_FOUND" },
    );
  });
});

describe("decisions", () => {
  it("approves with lower granted amounts, creates the allocation and tells the applicant", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 300 });
    const cpu = await createTestResourceClass({ listPriceMinorPerHour: 4, kind: "CPU" });
    const programme = await createTestProgramme({ subsidyRateBps: 7_000 });
    const applicant = await createTestApplicant();
    const admin = await createProgrammeAdmin();
    const applicationId = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 1_000 },
      { resourceClassId: cpu.id, unitHours: 5_000 },
    ]);
    const tooMuch = await failureOf(
      callerFor(admin).applications.admin.approve({
        applicationId,
        lines: [{ resourceClassId: gpu.id, grantedUnitHours: 1_001 }],
      }),
    );
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(tooMuch.message).toMatch(
      /You can grant at most 1,000 GPU-hours of .*, what was requested\./,
    );

    const { allocationId } = await callerFor(admin).applications.admin.approve({
      applicationId,
      lines: [{ resourceClassId: gpu.id, grantedUnitHours: 600 }],
      note: "Start with 600 GPU-hours; ask again after the first results.",
    });
    // 600 × 300 + 5,000 × 4 = 200,000 list; 70 % = 140,000 from the programme.
    const view = await callerFor(applicant.owner).applications.get({
      organizationId: applicant.org.id,
      applicationId,
    });
    expect(view).toMatchObject({
      status: "APPROVED",
      granted: { listValueMinor: 200_000, programmeShareMinor: 140_000, tenantShareMinor: 60_000 },
      allocation: { id: allocationId },
      decisionNote: "Start with 600 GPU-hours; ask again after the first results.",
    });
    expect(
      Object.fromEntries(
        view.lines.map((l) => [l.resourceClass.id, [l.unitHours, l.grantedUnitHours]]),
      ),
    ).toEqual({
      [gpu.id]: [1_000, 600],
      [cpu.id]: [5_000, 5_000],
    });
    const allocation = await callerFor(applicant.owner).allocations.get({
      organizationId: applicant.org.id,
      allocationId,
    });
    expect(allocation).toMatchObject({
      programmeShareMinor: 140_000,
      state: "UPCOMING",
      acceptsHolds: false,
    });
    expect(
      Object.fromEntries(allocation.lines.map((l) => [l.resourceClass.id, l.grantedUnitSeconds])),
    ).toEqual({
      [gpu.id]: 600 * 3_600,
      [cpu.id]: 5_000 * 3_600,
    });
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).awardedMinor,
    ).toBe(140_000n);

    const notices = await callerFor(applicant.owner).notifications.list({ unreadOnly: true });
    expect(notices.unreadCount).toBe(1);
    expect(notices.items[0]!.title).toMatch(/^Application approved: /);
    const mail = await db.mailMessage.findFirstOrThrow({
      where: { to: applicant.owner.email!, subject: { startsWith: "Application approved" } },
    });
    expect(mail.text).toContain(
      "The programme pays €1,400.00 of €2,000.00 at list price; your organisation's share is €600.00.",
    );
    const read = await callerFor(applicant.owner).notifications.markRead({});
    expect(read).toEqual({ updated: 1, unreadCount: 0 });

    const again = await failureOf(callerFor(admin).applications.admin.approve({ applicationId }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(1);
  });

  it("rejects with a reason the applicant sees, in the portal and by mail", async () => {
    const { admin, applicant, applicationId } = await setup();
    await callerFor(admin).applications.admin.startReview({ applicationId });
    const short = await failureOf(
      callerFor(admin).applications.admin.reject({ applicationId, reason: "No." }),
    );
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toBe(
      "Write a reason of at least 10 characters (you wrote 3); the applicant will read it, so say what to change or why.",
    );
    const invisible = await failureOf(
      callerFor(admin).applications.admin.reject({ applicationId, reason: "\u200B".repeat(12) }),
    );
    expect(invisible.message).toBe(
      "Write a reason: it is required, at least 10 characters, and the applicant will read it. Invisible characters alone do not count.",
    );
    expect(
      (await db.allocationRequest.findUniqueOrThrow({ where: { id: applicationId } })).status,
    ).toBe("UNDER_REVIEW");
    await callerFor(admin).applications.admin.reject({
      applicationId,
      reason: "The work plan does not need GPUs.",
    });
    const view = await callerFor(applicant.owner).applications.get({
      organizationId: applicant.org.id,
      applicationId,
    });
    expect(view).toMatchObject({
      status: "REJECTED",
      decisionNote: "The work plan does not need GPUs.",
      actions: { withdraw: false },
    });
    expect(view.decidedAt).toBeInstanceOf(Date);
    const mail = await db.mailMessage.findFirstOrThrow({
      where: { to: applicant.owner.email!, subject: { startsWith: "Application rejected" } },
    });
    expect(mail.text).toContain("Reason: The work plan does not need GPUs.");
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(0);
  });

  it("refuses decisions on an application that is not under review, and by a member of the applicant", async () => {
    const { admin, applicant, applicationId } = await setup();
    const early = await failureOf(callerFor(admin).applications.admin.approve({ applicationId }));
    expect(early.message).toBe(
      "This application is submitted; only an application that is under review can be approved.",
    );
    await callerFor(admin).applications.admin.startReview({ applicationId });
    const insider = await createProgrammeAdmin();
    await db.membership.create({
      data: { organizationId: applicant.org.id, userId: insider.id, role: "MEMBER" },
    });
    const failure = await failureOf(
      callerFor(insider).applications.admin.approve({ applicationId }),
    );
    expect(failure.code).toBe("FORBIDDEN");
  });

  it("keeps drafts away from administrators", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const admin = await createProgrammeAdmin();
    const draft = await callerFor(applicant.owner).applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
    );
    expect(
      await failureOf(callerFor(admin).applications.admin.get({ applicationId: draft.id })),
    ).toEqual({
      code: "NOT_FOUND",
      message: "Application not found.",
    });
    const page = await callerFor(admin).applications.admin.list({ programmeId: programme.id });
    expect(page.items).toEqual([]);
  });
});

describe("reviews.list when nothing is waiting", () => {
  it("tells a reviewer never assigned anything apart from one who has reviewed all of it", async () => {
    const { admin, applicationId } = await setup();
    const newcomer = await createReviewer();
    const done = await createReviewer();
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: done.id,
    });
    const waiting = await callerFor(done).reviews.list({ pendingOnly: true });
    expect(waiting.items.map((r) => r.id)).toEqual([review.id]);
    expect(waiting.tally).toMatchObject({ assigned: 1, open: 1, scored: 0, closed: 0 });

    await callerFor(done).reviews.score({
      reviewId: review.id,
      score: 4,
      comment: "A clear plan with a realistic budget.",
    });
    expect(await callerFor(done).reviews.list({ pendingOnly: true })).toMatchObject({
      items: [],
      tally: { assigned: 1, scored: 1, open: 0, closed: 0 },
    });
    for (const pendingOnly of [true, false]) {
      expect(await callerFor(newcomer).reviews.list({ pendingOnly })).toMatchObject({
        items: [],
        tally: { assigned: 0 },
      });
    }
  });
});

describe("reviews.list after a decision that did not wait for the reviewer", () => {
  it("counts the review as closed, not as scored or waiting, and lists it as closed", async () => {
    const { admin, applicationId } = await setup();
    const rui = await createReviewer();
    const review = await callerFor(admin).reviews.admin.assign({
      applicationId,
      reviewerId: rui.id,
    });
    // Assigning put it under review; the administrator approves before Rui scores.
    await callerFor(admin).applications.admin.approve({ applicationId });

    const waiting = await callerFor(rui).reviews.list({ pendingOnly: true });
    expect(waiting.items).toEqual([]);
    expect(waiting.tally).toMatchObject({
      assigned: 1,
      scored: 0,
      conflicts: 0,
      open: 0,
      closed: 1,
    });
    const all = await callerFor(rui).reviews.list({ pendingOnly: false });
    expect(all.items.map((item) => [item.id, item.state])).toEqual([[review.id, "CLOSED"]]);
    // The administrator's count says the same: nothing scored, one review closed unscored.
    const view = await callerFor(admin).applications.admin.get({ applicationId });
    expect(view.reviewSummary).toMatchObject({ assigned: 1, scored: 0, open: 0, closed: 1 });
  });
});
