import { afterAll, describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { closeRateLimiter } from "../../rate-limit";
import { appRouter } from "../../root";
import {
  callerFor,
  createTestMember,
  createTestUser,
  failureOf,
  uniqueSuffix,
  type TestPrincipal,
} from "../../test-helpers";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  draftInput,
} from "../programmes/fixtures";

afterAll(closeRateLimiter);

const DAY = 86_400_000;
/** A day this many days ago, as the form sends it. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** A startup applying to a programme that pays all of €1,000 an hour. */
async function startupApplying() {
  const gpu = await createTestResourceClass({ listPriceMinorPerHour: 100_000 });
  const programme = await createTestProgramme({
    subsidyRateBps: 10_000,
    budgetMinor: 10_000_000_000,
    orgCapMinor: 10_000_000_000,
  });
  const applicant = await createTestApplicant({ kind: "STARTUP" });
  const admin = await createProgrammeAdmin();
  return { gpu, programme, applicant, admin };
}

async function platformAdmin(): Promise<TestPrincipal> {
  return createTestUser({ platformRoles: ["PLATFORM_ADMIN"] });
}

describe("declared other de minimis aid on an application", () => {
  it("is saved with the draft, replaced on edit, kept when not sent, and shown to the applicant", async () => {
    const { gpu, programme, applicant } = await startupApplying();
    const caller = callerFor(applicant.owner);
    const declared = {
      grantor: "Regional Development Agency",
      amountMinor: 2_500_000,
      grantedOn: daysAgo(200),
    };
    const draft = await caller.applications.create({
      ...draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 10 }]),
      otherDeMinimisAid: [declared],
    });
    expect(draft.otherDeMinimisAid).toEqual([declared]);
    const retitled = await caller.applications.update({
      organizationId: applicant.org.id,
      applicationId: draft.id,
      title: "Still declaring the same aid",
    });
    expect(retitled.otherDeMinimisAid).toEqual([declared]);
    const none = await caller.applications.update({
      organizationId: applicant.org.id,
      applicationId: draft.id,
      otherDeMinimisAid: [],
    });
    expect(none.otherDeMinimisAid).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "application.updated", targetId: draft.id },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({ fields: ["otherDeMinimisAid"] });
  });

  it("refuses aid of nothing, of a bad or too large amount, from the future or from more than three years ago, and changes nothing", async () => {
    const { gpu, programme, applicant } = await startupApplying();
    const caller = callerFor(applicant.owner);
    const draft = await caller.applications.create(
      draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 10 }]),
    );
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountMinor: 0 }, "BAD_REQUEST", "Amount of other aid must be more than zero."],
      [{ amountMinor: -5_000 }, "BAD_REQUEST", "Amount of other aid must be more than zero."],
      [{ amountMinor: 1234.5 }, "BAD_REQUEST", "must be a whole number of minor units (cents)."],
      [
        { amountMinor: 100_000_000_001 },
        "BAD_REQUEST",
        "Amount of other aid must be at most 100,000,000,000 minor units (cents).",
      ],
      [{ amountMinor: 1e20 }, "BAD_REQUEST", "must be at most 100,000,000,000 minor units"],
      [{ amountMinor: "12.345" }, "BAD_REQUEST", "must be an amount in minor units (cents)."],
      [{ grantedOn: daysAgo(-2) }, "BAD_REQUEST", "cannot be in the future"],
      [
        { grantedOn: daysAgo(3 * 366) },
        "BAD_REQUEST",
        "only aid granted in the last three years counts",
      ],
      [{ grantedOn: "2026-02-30" }, "BAD_REQUEST", "not a real date"],
      [{ grantedOn: "1 March" }, "BAD_REQUEST", "Date granted must be a date as YYYY-MM-DD"],
      [{ grantor: "" }, "BAD_REQUEST", "Line 1: Enter grantor."],
    ];
    for (const [change, code, message] of cases) {
      const failure = await failureOf(
        caller.applications.update({
          organizationId: applicant.org.id,
          applicationId: draft.id,
          otherDeMinimisAid: [
            { grantor: "Regional Agency", amountMinor: 100_000, grantedOn: daysAgo(10), ...change },
          ],
        }),
      );
      expect(failure.code, JSON.stringify(change)).toBe(code);
      expect(failure.message).toContain(message);
    }
    expect(await db.declaredDeMinimisAid.count({ where: { requestId: draft.id } })).toBe(0);
  });
});

describe("approving an award to an undertaking", () => {
  it("shows the administrator the rolling total against the ceiling, then refuses an award above it with the figures", async () => {
    const { gpu, programme, applicant, admin } = await startupApplying();
    const caller = callerFor(applicant.owner);
    const draft = await caller.applications.create({
      ...draftInput(applicant, programme, [{ resourceClassId: gpu.id, unitHours: 20 }]),
      otherDeMinimisAid: [
        {
          grantor: "Regional Development Agency",
          amountMinor: 29_000_000,
          grantedOn: daysAgo(100),
        },
      ],
    });
    await caller.applications.submit({ organizationId: applicant.org.id, applicationId: draft.id });
    const adminCaller = callerFor(admin);
    await adminCaller.applications.admin.startReview({ applicationId: draft.id });
    const seen = await adminCaller.applications.admin.get({ applicationId: draft.id });
    expect(seen.stateAid).toMatchObject({
      booked: null,
      standing: {
        undertaking: true,
        awardedMinor: 0,
        declaredMinor: 29_000_000,
        receivedMinor: 29_000_000,
        ceilingMinor: 30_000_000,
        remainingMinor: 1_000_000,
        group: null,
      },
    });
    const failure = await failureOf(
      adminCaller.applications.admin.approve({ applicationId: draft.id }),
    );
    expect(failure.code).toBe("PRECONDITION_FAILED");
    expect(failure.message).toMatch(
      /^€290,000\.00 already received in the three years to \d{1,2} \w+ \d{4} \(Brussels time\) \+ €20,000\.00 for this award = €310,000\.00, above the €300,000\.00 de minimis ceiling\./,
    );
    expect(failure.message).toContain("can receive at most €10,000.00 more");
    // Ten hours fit exactly.
    await adminCaller.applications.admin.approve({
      applicationId: draft.id,
      lines: [{ resourceClassId: gpu.id, grantedUnitHours: 10 }],
    });
    const approved = await adminCaller.applications.admin.get({ applicationId: draft.id });
    expect(approved.stateAid.booked).toMatchObject({
      grossGrantEquivalentMinor: 1_000_000,
      windowTotalMinor: 30_000_000,
      ceilingMinor: 30_000_000,
    });
    expect(approved.stateAid.standing.remainingMinor).toBe(0);
  });
});

describe("the state-aid view", () => {
  it("lists undertakings with their totals and the ledger rows, and opens one undertaking", async () => {
    const { gpu, programme, applicant, admin } = await startupApplying();
    const id = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 30 },
    ]);
    const { allocationId } = await callerFor(admin).applications.admin.approve({
      applicationId: id,
    });
    const reader = callerFor(admin);
    const undertakings = await reader.stateAid.undertakings({ q: applicant.org.name });
    expect(undertakings.ceilingMinor).toBe(30_000_000);
    expect(undertakings.items).toEqual([
      expect.objectContaining({
        key: applicant.org.id,
        group: null,
        awardedMinor: 3_000_000,
        receivedMinor: 3_000_000,
        remainingMinor: 27_000_000,
      }),
    ]);
    const ledger = await reader.stateAid.ledger({ organizationId: applicant.org.id });
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({
      kind: "AWARD",
      allocationId,
      requestId: id,
      grossGrantEquivalentMinor: 3_000_000,
      organization: { id: applicant.org.id },
      programme: { id: programme.id, name: programme.name },
    });
    expect(await reader.stateAid.standing({ organizationId: applicant.org.id })).toMatchObject({
      undertaking: true,
      awardedMinor: 3_000_000,
    });
    const page = await reader.stateAid.ledger({ limit: 1 });
    expect(page.items).toHaveLength(1);
  });

  it("lets a platform administrator group organisations and mark a university as acting economically, audited", async () => {
    const caller = callerFor(await platformAdmin());
    const registryId = `HRB ${uniqueSuffix()}`;
    const group = await caller.stateAid.createGroup({
      name: "Northbridge Ventures",
      country: "de",
      registryId: ` ${registryId.toLowerCase()} `,
    });
    expect(group).toMatchObject({ country: "DE", registryId: registryId.toUpperCase() });
    const again = await failureOf(
      caller.stateAid.createGroup({ name: "Copy", country: "DE", registryId }),
    );
    expect(again.code).toBe("CONFLICT");
    const hidden = await failureOf(
      caller.stateAid.createGroup({
        name: "Copy",
        country: "DE",
        registryId: registryId.replace(" ", "\u200B "),
      }),
    );
    expect(hidden).toEqual(again);

    const university = await createTestApplicant({ kind: "ACADEMIC" });
    const updated = await caller.stateAid.setOrganization({
      organizationId: university.org.id,
      actsEconomically: true,
      stateAidGroupId: group.id,
    });
    expect(updated).toMatchObject({
      actsEconomically: true,
      stateAidGroup: { id: group.id, name: "Northbridge Ventures" },
    });
    expect(
      await db.auditEvent.count({
        where: { organizationId: university.org.id, action: "organization.state_aid_updated" },
      }),
    ).toBe(1);
    const groups = await caller.stateAid.groups({ q: registryId });
    expect(groups.items).toEqual([
      expect.objectContaining({
        id: group.id,
        organizations: [{ id: university.org.id, name: university.org.name }],
      }),
    ]);
    const seen = await caller.admin.organizations.get({ organizationId: university.org.id });
    expect(seen).toMatchObject({ actsEconomically: true, stateAidGroup: { id: group.id } });
  });

  it("answers NOT_FOUND for an organisation or group that does not exist, and BAD_REQUEST for bad filters", async () => {
    const caller = callerFor(await platformAdmin());
    for (const call of [
      caller.stateAid.standing({ organizationId: `nope${uniqueSuffix()}` }),
      caller.stateAid.setOrganization({
        organizationId: `nope${uniqueSuffix()}`,
        actsEconomically: false,
        stateAidGroupId: null,
      }),
    ]) {
      expect(await failureOf(call)).toEqual({
        code: "NOT_FOUND",
        message: "Organisation not found.",
      });
    }
    const university = await createTestApplicant({ kind: "ACADEMIC" });
    expect(
      await failureOf(
        caller.stateAid.setOrganization({
          organizationId: university.org.id,
          actsEconomically: false,
          stateAidGroupId: `nope${uniqueSuffix()}`,
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "Undertaking group not found." });
    for (const input of [
      { from: "2026-02-30" },
      { from: "2026-03-10", to: "2026-03-01" },
      { cursor: "not-a-cursor" },
    ]) {
      expect((await failureOf(caller.stateAid.ledger(input))).code, JSON.stringify(input)).toBe(
        "BAD_REQUEST",
      );
    }
    expect((await failureOf(caller.stateAid.undertakings({ cursor: "bad" }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("outsiders of the state-aid view", () => {
  const stateAidPaths = () =>
    Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("stateAid."));

  /** Calls a procedure by its dotted path, with an input that would otherwise be acceptable. */
  function call(user: TestPrincipal, path: string, input: unknown): Promise<unknown> {
    let target: unknown = callerFor(user);
    for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
    return (target as (input: unknown) => Promise<unknown>)(input);
  }

  it("refuse the organisation's own members, reviewers and operators, and change nothing", async () => {
    const { gpu, programme, applicant, admin } = await startupApplying();
    const { user: member } = await createTestMember(applicant.org.id, "ADMIN");
    const id = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 5 },
    ]);
    await callerFor(admin).applications.admin.approve({ applicationId: id });
    const group = await db.undertakingGroup.create({
      data: { name: "Victim group", country: "DE", registryId: `V-${uniqueSuffix()}` },
    });
    const inputs: Record<string, unknown> = {
      "stateAid.undertakings": { q: applicant.org.name },
      "stateAid.ledger": { organizationId: applicant.org.id },
      "stateAid.standing": { organizationId: applicant.org.id },
      "stateAid.groups": {},
      "stateAid.createGroup": {
        name: "Planted group",
        country: "DE",
        registryId: `P-${uniqueSuffix()}`,
      },
      "stateAid.setOrganization": {
        organizationId: applicant.org.id,
        actsEconomically: false,
        stateAidGroupId: group.id,
      },
    };
    expect(stateAidPaths().sort()).toEqual(Object.keys(inputs).sort());
    const before = JSON.stringify(
      await db.organization.findUniqueOrThrow({ where: { id: applicant.org.id } }),
    );
    const ledgerBefore = await db.stateAidAward.count();
    const strangers = [
      applicant.owner,
      member,
      await createTestUser({ platformRoles: ["REVIEWER"] }),
      await createTestUser({ platformRoles: ["OPERATOR"] }),
      await createTestUser(),
    ];
    for (const stranger of strangers) {
      for (const path of stateAidPaths()) {
        const failure = await failureOf(call(stranger, path, inputs[path]));
        expect(failure.code, `${path} as ${stranger.platformRoles.join() || "a tenant"}`).toBe(
          "FORBIDDEN",
        );
      }
    }
    // A programme administrator reads the ledger but may not change an organisation's facts.
    for (const path of ["stateAid.createGroup", "stateAid.setOrganization"]) {
      expect((await failureOf(call(admin, path, inputs[path]))).code).toBe("FORBIDDEN");
    }
    expect(
      JSON.stringify(await db.organization.findUniqueOrThrow({ where: { id: applicant.org.id } })),
    ).toBe(before);
    expect(await db.stateAidAward.count()).toBe(ledgerBefore);
    expect(await db.undertakingGroup.count({ where: { name: "Planted group" } })).toBe(0);
    expect(await failureOf(callerFor(null).stateAid.ledger({}))).toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
