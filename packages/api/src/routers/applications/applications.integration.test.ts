import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, createTestMember, createTestUser, failureOf } from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  draftInput,
  submittedApplication,
} from "../programmes/fixtures";

describe("applications.quote", () => {
  it("prices lines at list price and splits them between programme and organisation", async () => {
    const gpu = await createTestResourceClass({ listPriceMinorPerHour: 295 });
    const cpu = await createTestResourceClass({ listPriceMinorPerHour: 5, kind: "CPU" });
    const programme = await createTestProgramme({ subsidyRateBps: 5_000 });
    const user = await createTestUser();
    const quote = await callerFor(user).applications.quote({
      programmeId: programme.id,
      lines: [
        { resourceClassId: gpu.id, unitHours: 1_000 },
        { resourceClassId: cpu.id, unitHours: 1 },
      ],
    });
    expect(quote.currency).toBe("EUR");
    expect(
      quote.lines.map((l) => [
        l.resourceClass.code,
        l.listValueMinor,
        l.programmeShareMinor,
        l.tenantShareMinor,
      ]),
    ).toEqual([
      [gpu.code, 295_000, 147_500, 147_500],
      // 5 × 50 % = 2.5 → 2 (half-even); the organisation pays the remaining 3.
      [cpu.code, 5, 2, 3],
    ]);
    expect(quote.totals).toEqual({
      listValueMinor: 295_005,
      programmeShareMinor: 147_502,
      tenantShareMinor: 147_503,
    });
  });

  it("refuses a class priced in another currency and an unknown class", async () => {
    const chf = await createTestResourceClass({ currency: "CHF" });
    const programme = await createTestProgramme();
    const caller = callerFor(await createTestUser());
    const failure = await failureOf(
      caller.applications.quote({
        programmeId: programme.id,
        lines: [{ resourceClassId: chf.id, unitHours: 1 }],
      }),
    );
    expect(failure).toEqual({
      code: "PRECONDITION_FAILED",
      message: `${chf.name} is priced in CHF, but this programme pays in EUR.`,
    });
    const unknown = await failureOf(
      caller.applications.quote({
        programmeId: programme.id,
        lines: [{ resourceClassId: "nope", unitHours: 1 }],
      }),
    );
    expect(unknown).toEqual({ code: "NOT_FOUND", message: "Resource class not found." });
  });
});

describe("applications.create and submit", () => {
  it("drafts, submits and records every state change with who and when", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const { user: member } = await createTestMember(applicant.org.id, "MEMBER");
    const caller = callerFor(member);
    const draft = await caller.applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 500 }]),
    );
    expect(draft).toMatchObject({
      status: "DRAFT",
      actions: { edit: true, submit: true, withdraw: true },
      requested: {
        listValueMinor: 147_500,
        programmeShareMinor: 103_250,
        tenantShareMinor: 44_250,
      },
      call: { state: "OPEN" },
    });
    const submitted = await caller.applications.submit({
      organizationId: applicant.org.id,
      applicationId: draft.id,
    });
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    expect(submitted.events.map((e) => [e.fromStatus, e.toStatus, e.actor?.id])).toEqual([
      [null, "DRAFT", member.id],
      ["DRAFT", "SUBMITTED", member.id],
    ]);
    const audit = await db.auditEvent.findMany({
      where: { organizationId: applicant.org.id, targetId: draft.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["application.created", "application.submitted"]);

    const list = await callerFor(applicant.owner).applications.list({
      organizationId: applicant.org.id,
    });
    expect(list.items.map((a) => [a.id, a.status])).toEqual([[draft.id, "SUBMITTED"]]);
  });

  it("refuses to submit while the call is not open, saying when it opens or closed", async () => {
    const gpu = await createTestResourceClass();
    const upcoming = await createTestProgramme({ call: "upcoming" });
    const applicant = await createTestApplicant();
    const caller = callerFor(applicant.owner);
    const draft = await caller.applications.create(
      draftInput(applicant, upcoming, [{ resourceClassId: gpu.id, unitHours: 1 }]),
    );
    const early = await failureOf(
      caller.applications.submit({ organizationId: applicant.org.id, applicationId: draft.id }),
    );
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toMatch(/^The call ".+" opens on .+ UTC; submit then\.$/);

    // A call that closed after the draft was written.
    await db.programmeCall.update({
      where: { id: upcoming.calls[0]!.id },
      data: {
        opensAt: new Date(Date.now() - 20 * 86_400_000),
        closesAt: new Date(Date.now() - 1_000),
      },
    });
    const late = await failureOf(
      caller.applications.submit({ organizationId: applicant.org.id, applicationId: draft.id }),
    );
    expect(late.message).toMatch(/^The call ".+" closed on .+ UTC\.$/);
    expect((await db.allocationRequest.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      "DRAFT",
    );

    const closed = await createTestProgramme({ call: "closed" });
    const refused = await failureOf(
      caller.applications.create(
        draftInput(applicant, closed, [{ resourceClassId: gpu.id, unitHours: 1 }]),
      ),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
  });

  it("refuses to start a draft for an ineligible organisation and says why", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme({ eligibleKinds: ["ACADEMIC"] });
    const applicant = await createTestApplicant({ kind: "STARTUP" });
    const failure = await failureOf(
      callerFor(applicant.owner).applications.create(
        draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
      ),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toContain("This programme is open to academic institutions;");
    expect(await db.allocationRequest.count({ where: { organizationId: applicant.org.id } })).toBe(
      0,
    );
  });

  it("refuses to submit for an organisation no longer eligible and says why", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant({ kind: "STARTUP", country: "IT" });
    const caller = callerFor(applicant.owner);
    const draft = await caller.applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
    );
    // The programme narrows its rules while the draft is open.
    await db.programme.update({
      where: { id: programme.id },
      data: { eligibleKinds: ["ACADEMIC"], eligibleCountries: ["DE", "FR"] },
    });
    const failure = await failureOf(
      caller.applications.submit({ organizationId: applicant.org.id, applicationId: draft.id }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toContain("This programme is open to academic institutions;");
    expect(failure.message).toContain("is registered in Italy.");
    expect((await db.allocationRequest.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      "DRAFT",
    );
  });

  it("is refused to members of an organisation that is not verified, and to viewers", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const pending = await createTestApplicant({ status: "PENDING" });
    const failure = await failureOf(
      callerFor(pending.owner).applications.create(
        draftInput(pending, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
      ),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toMatch(/^Your organisation must be verified/);

    const applicant = await createTestApplicant();
    const { user: viewer } = await createTestMember(applicant.org.id, "VIEWER");
    const forbidden = await failureOf(
      callerFor(viewer).applications.create(
        draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
      ),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(
      await db.allocationRequest.count({
        where: { organizationId: { in: [pending.org.id, applicant.org.id] } },
      }),
    ).toBe(0);
  });

  it("refuses a period that ends before it starts, duplicate classes and a looser classification", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    await db.project.update({
      where: { id: applicant.project.id },
      data: { classification: "RESTRICTED" },
    });
    const caller = callerFor(applicant.owner);
    const base = draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]);
    const inverted = await failureOf(
      caller.applications.create({
        ...base,
        dataClassification: "RESTRICTED",
        periodEnd: base.periodStart,
        periodStart: base.periodEnd,
      }),
    );
    expect(inverted).toEqual({
      code: "BAD_REQUEST",
      message: "The period must end after it starts.",
    });
    const duplicate = await failureOf(
      caller.applications.create({
        ...base,
        dataClassification: "RESTRICTED",
        lines: [
          { resourceClassId: gpu.id, unitHours: 1 },
          { resourceClassId: gpu.id, unitHours: 2 },
        ],
      }),
    );
    expect(duplicate.message).toBe(
      "Each resource class may appear only once; add the hours together.",
    );
    const looser = await failureOf(
      caller.applications.create({ ...base, dataClassification: "PUBLIC" }),
    );
    expect(looser.message).toMatch(
      /holds restricted data; the application cannot declare a lower classification\.$/,
    );
  });
});

describe("applications.update, withdraw and resubmission", () => {
  it("edits a draft, refuses edits once submitted, and withdraws", async () => {
    const gpu = await createTestResourceClass();
    const l40s = await createTestResourceClass({ listPriceMinorPerHour: 110 });
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const caller = callerFor(applicant.owner);
    const draft = await caller.applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 10 }]),
    );
    const edited = await caller.applications.update({
      organizationId: applicant.org.id,
      applicationId: draft.id,
      title: "A better title",
      lines: [{ resourceClassId: l40s.id, unitHours: 100 }],
    });
    expect(edited.title).toBe("A better title");
    expect(edited.lines.map((l) => [l.resourceClass.id, l.unitHours, l.listValueMinor])).toEqual([
      [l40s.id, 100, 11_000],
    ]);

    await caller.applications.submit({ organizationId: applicant.org.id, applicationId: draft.id });
    const locked = await failureOf(
      caller.applications.update({
        organizationId: applicant.org.id,
        applicationId: draft.id,
        title: "Sneaky",
      }),
    );
    expect(locked.code).toBe("PRECONDITION_FAILED");
    expect(locked.message).toMatch(/^This application is submitted; it can be edited only/);

    const withdrawn = await caller.applications.withdraw({
      organizationId: applicant.org.id,
      applicationId: draft.id,
      reason: "We found capacity elsewhere.",
    });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.events.at(-1)).toMatchObject({
      fromStatus: "SUBMITTED",
      toStatus: "WITHDRAWN",
      note: "We found capacity elsewhere.",
    });
    const again = await failureOf(
      caller.applications.withdraw({ organizationId: applicant.org.id, applicationId: draft.id }),
    );
    expect(again.code).toBe("PRECONDITION_FAILED");
  });

  it("keeps a draft withdrawn before it was ever submitted away from administrators", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const caller = callerFor(applicant.owner);
    const abandoned = await caller.applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 10 }]),
    );
    await caller.applications.withdraw({
      organizationId: applicant.org.id,
      applicationId: abandoned.id,
    });
    const sent = await submittedApplication(applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 5 },
    ]);
    await caller.applications.withdraw({ organizationId: applicant.org.id, applicationId: sent });

    const admin = callerFor(await createProgrammeAdmin());
    const listed = await admin.applications.admin.list({ programmeId: programme.id });
    expect(listed.items.map((item) => item.id)).toEqual([sent]);
    const withdrawnOnly = await admin.applications.admin.list({
      programmeId: programme.id,
      status: "WITHDRAWN",
    });
    expect(withdrawnOnly.items.map((item) => item.id)).toEqual([sent]);
    expect(
      (await failureOf(admin.applications.admin.get({ applicationId: abandoned.id }))).code,
    ).toBe("NOT_FOUND");
    // The applicant's own list leaves the abandoned draft out, unless asked for what was withdrawn.
    const own = await caller.applications.list({ organizationId: applicant.org.id });
    expect(own.items.map((item) => item.id)).toEqual([sent]);
    const ownWithdrawn = await caller.applications.list({
      organizationId: applicant.org.id,
      status: "WITHDRAWN",
    });
    expect(ownWithdrawn.items.map((item) => item.id).sort()).toEqual([abandoned.id, sent].sort());
    // The programme's count of withdrawn applications agrees with its list.
    const dashboard = await admin.programmes.admin.dashboard({ programmeId: programme.id });
    expect(dashboard.applicationsByState).toMatchObject({ DRAFT: 0, WITHDRAWN: 1 });
  });

  it("goes back for changes, is edited and resubmitted even after the call closed", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const admin = await createProgrammeAdmin();
    const id = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 400 },
    ]);
    await callerFor(admin).applications.admin.requestChanges({
      applicationId: id,
      reason: "Please justify the 400 hours with your pilot's numbers.",
    });
    const caller = callerFor(applicant.owner);
    const returned = await caller.applications.get({
      organizationId: applicant.org.id,
      applicationId: id,
    });
    expect(returned).toMatchObject({
      status: "CHANGES_REQUESTED",
      decisionNote: "Please justify the 400 hours with your pilot's numbers.",
      actions: { edit: true, submit: true },
    });
    await caller.applications.update({
      organizationId: applicant.org.id,
      applicationId: id,
      justification:
        "The pilot used 38 GPU-hours per language on 10 % of the data; twelve languages need 400.",
    });
    await db.programmeCall.update({
      where: { id: programme.calls[0]!.id },
      data: { closesAt: new Date(Date.now() - 1_000) },
    });
    const resubmitted = await caller.applications.submit({
      organizationId: applicant.org.id,
      applicationId: id,
    });
    expect(resubmitted.status).toBe("SUBMITTED");
    expect(resubmitted.events.map((e) => e.toStatus)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "CHANGES_REQUESTED",
      "SUBMITTED",
    ]);
    const notices = await callerFor(applicant.owner).notifications.list({});
    expect(notices.items[0]).toMatchObject({
      link: `/orgs/${applicant.org.id}/applications/${id}`,
      readAt: null,
    });
    expect(notices.items[0]!.title).toMatch(/^Changes requested: /);
  });

  it("cannot point a draft at another organisation's project", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const other = await createTestApplicant();
    const failure = await failureOf(
      callerFor(applicant.owner).applications.create({
        ...draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
        projectId: other.project.id,
      }),
    );
    expect(failure).toEqual({ code: "NOT_FOUND", message: "Project not found." });
  });
});

describe("applications.submit under a cap", () => {
  it("treats an organisation that has used its whole cap as ineligible", async () => {
    const gpu = await createTestResourceClass();
    const programme = await createTestProgramme({ orgCapMinor: 1_000 });
    const applicant = await createTestApplicant();
    await db.programmeOrganizationAward.create({
      data: { programmeId: programme.id, organizationId: applicant.org.id, awardedMinor: 1_000 },
    });
    const failure = await failureOf(
      submittedApplication(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 1 }]),
    );
    expect(failure.message).toMatch(
      /has already been awarded €10\.00, this programme's limit per organisation \(€10\.00\)\.$/,
    );
  });
});
