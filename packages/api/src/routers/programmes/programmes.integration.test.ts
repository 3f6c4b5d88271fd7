import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { callerFor, createTestMember, createTestUser, failureOf } from "../../test-helpers";
import { createProgrammeAdmin, createTestApplicant, createTestProgramme } from "./fixtures";

const DAY = 86_400_000;

function programmeInput() {
  const now = Date.now();
  return {
    name: "AI Factories Access 2026",
    sponsor: "Ministry of Research and Innovation",
    description:
      "Subsidised GPU time for public research and young companies building foundation models.",
    currency: "EUR",
    budgetMinor: 250_000_000,
    subsidyRateBps: 8_000,
    eligibleKinds: ["ACADEMIC" as const, "STARTUP" as const],
    eligibleCountries: ["de", "FR"],
    orgCapMinor: 5_000_000,
    calls: [
      { name: "Spring call", opensAt: new Date(now - DAY), closesAt: new Date(now + 30 * DAY) },
      {
        name: "Autumn call",
        opensAt: new Date(now + 120 * DAY),
        closesAt: new Date(now + 150 * DAY),
      },
    ],
  };
}

describe("programmes.admin", () => {
  it("lets a programme administrator create a programme with calls, audited", async () => {
    const admin = await createProgrammeAdmin();
    const programme = await callerFor(admin).programmes.admin.create(programmeInput());
    expect(programme).toMatchObject({
      name: "AI Factories Access 2026",
      budgetMinor: 250_000_000,
      awardedMinor: 0,
      remainingMinor: 250_000_000,
      eligibleCountries: ["DE", "FR"],
      openCall: { name: "Spring call", state: "OPEN" },
    });
    expect(programme.calls.map((c) => c.state)).toEqual(["OPEN", "UPCOMING"]);
    expect(
      await db.auditEvent.count({
        where: { action: "programme.created", targetId: programme.id, actorId: admin.id },
      }),
    ).toBe(1);

    const withCall = await callerFor(admin).programmes.admin.addCall({
      programmeId: programme.id,
      name: "Winter call",
      opensAt: new Date(Date.now() + 200 * DAY),
      closesAt: new Date(Date.now() + 230 * DAY),
    });
    expect(withCall.calls.map((c) => c.name)).toEqual([
      "Spring call",
      "Autumn call",
      "Winter call",
    ]);
    const closed = await callerFor(admin).programmes.admin.updateCall({
      callId: withCall.calls[0]!.id,
      closesAt: new Date(Date.now() - 1),
    });
    expect(closed.openCall).toBeNull();
    const bad = await failureOf(
      callerFor(admin).programmes.admin.updateCall({
        callId: withCall.calls[0]!.id,
        closesAt: new Date(Date.now() - 10 * DAY),
      }),
    );
    expect(bad.message).toBe('The call "Spring call" must close after it opens.');

    const updated = await callerFor(admin).programmes.admin.update({
      programmeId: programme.id,
      subsidyRateBps: 6_000,
      eligibleKinds: [],
    });
    expect(updated).toMatchObject({ subsidyRateBps: 6_000, eligibleKinds: [] });
    const found = await callerFor(admin).programmes.admin.list({ q: "AI Factories" });
    expect(found.items.map((p) => p.id)).toContain(programme.id);
    expect((await callerFor(admin).programmes.admin.get({ programmeId: programme.id })).id).toBe(
      programme.id,
    );
  });

  it("refuses a cap above the budget, a call that closes before it opens, and other roles", async () => {
    const admin = await createProgrammeAdmin();
    const cap = await failureOf(
      callerFor(admin).programmes.admin.create({ ...programmeInput(), orgCapMinor: 300_000_000 }),
    );
    expect(cap).toEqual({
      code: "BAD_REQUEST",
      message: "The limit per organisation cannot be more than the programme's whole budget.",
    });
    const input = programmeInput();
    const inverted = await failureOf(
      callerFor(admin).programmes.admin.create({
        ...input,
        calls: [{ ...input.calls[0]!, closesAt: input.calls[0]!.opensAt }],
      }),
    );
    expect(inverted.code).toBe("BAD_REQUEST");
    const noCalls = await failureOf(
      callerFor(admin).programmes.admin.create({ ...input, calls: [] }),
    );
    expect(noCalls.code).toBe("BAD_REQUEST");
    for (const roles of [[], ["PLATFORM_ADMIN"], ["REVIEWER"], ["OPERATOR"]] as const) {
      const user = await createTestUser({ platformRoles: [...roles] });
      expect(
        (await failureOf(callerFor(user).programmes.admin.create(programmeInput()))).code,
      ).toBe("FORBIDDEN");
    }
  });
});

describe("a programme's budget and limit per organisation", () => {
  /** Sends each refused amount as the budget, then as the limit, and expects the field's own message. */
  async function expectEachRefused(
    send: (field: "budgetMinor" | "orgCapMinor", amount: unknown) => Promise<unknown>,
  ) {
    const refused: [unknown, string][] = [
      [0, "must be more than zero."],
      [-5_000, "must be more than zero."],
      [1234.5, "must be a whole number of minor units (cents)."],
      [1_000_000_000_000_001, "must be at most 1,000,000,000,000,000 minor units (cents)."],
      [1e20, "must be at most 1,000,000,000,000,000 minor units (cents)."],
      ["12.345", "must be an amount in minor units (cents)."],
    ];
    const labels = { budgetMinor: "Budget", orgCapMinor: "Limit per organisation" } as const;
    for (const [amount, message] of refused) {
      for (const field of ["budgetMinor", "orgCapMinor"] as const) {
        expect(await failureOf(send(field, amount)), `${field} ${String(amount)}`).toEqual({
          code: "BAD_REQUEST",
          message: `${labels[field]} ${message}`,
        });
      }
    }
  }

  it("refuses an amount that is not more than zero, whole or within the limit, creating nothing", async () => {
    const admin = await createProgrammeAdmin();
    const input = { ...programmeInput(), name: `Refused amounts ${Date.now()}` };
    await expectEachRefused((field, amount) =>
      callerFor(admin).programmes.admin.create({ ...input, [field]: amount }),
    );
    expect(await db.programme.count({ where: { name: input.name } })).toBe(0);
  });

  it("refuses the same amounts on a change, changing nothing", async () => {
    const admin = await createProgrammeAdmin();
    const programme = await callerFor(admin).programmes.admin.create({
      ...programmeInput(),
      name: `Changed amounts ${Date.now()}`,
    });
    await expectEachRefused((field, amount) =>
      callerFor(admin).programmes.admin.update({ programmeId: programme.id, [field]: amount }),
    );
    expect(
      await db.programme.findUniqueOrThrow({
        where: { id: programme.id },
        select: { budgetMinor: true, orgCapMinor: true },
      }),
    ).toEqual({ budgetMinor: 250_000_000n, orgCapMinor: 5_000_000n });
    expect(
      await db.auditEvent.count({ where: { action: "programme.updated", targetId: programme.id } }),
    ).toBe(0);
  });
});

describe("programmes.list, browse and get", () => {
  it("lists programmes with a call still to come, and not those whose calls have all closed", async () => {
    const open = await createTestProgramme();
    const upcoming = await createTestProgramme({ call: "upcoming" });
    const closed = await createTestProgramme({ call: "closed" });
    const user = await createTestUser();
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await callerFor(user).programmes.list({ cursor, limit: 100 });
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toContain(open.id);
    expect(ids).toContain(upcoming.id);
    expect(ids).not.toContain(closed.id);
  });

  it("tells each member whether their organisation may apply, and why not", async () => {
    const programme = await createTestProgramme({
      eligibleKinds: ["ACADEMIC", "PUBLIC_BODY"],
      eligibleCountries: ["DE"],
      orgCapMinor: 500_000,
    });
    const university = await createTestApplicant({ kind: "ACADEMIC", country: "DE" });
    const startup = await createTestApplicant({ kind: "STARTUP", country: "FR" });
    const { user: viewer } = await createTestMember(startup.org.id, "VIEWER");

    const mine = await callerFor(university.owner).programmes.get({
      organizationId: university.org.id,
      programmeId: programme.id,
    });
    expect(mine).toMatchObject({
      eligibility: { eligible: true, reasons: [] },
      organizationAwardedMinor: 0,
      capRemainingMinor: 500_000,
    });

    const theirs = await callerFor(viewer).programmes.get({
      organizationId: startup.org.id,
      programmeId: programme.id,
    });
    expect(theirs.eligibility.eligible).toBe(false);
    expect(theirs.eligibility.reasons.map((r) => r.code)).toEqual(["KIND", "COUNTRY"]);
    expect(theirs.eligibility.reasons[1]!.message).toBe(
      `This programme is open to organisations in Germany; ${startup.org.name} is registered in France.`,
    );

    const browsed: { id: string; eligibility: { eligible: boolean } }[] = [];
    let cursor: string | null = null;
    do {
      const page = await callerFor(viewer).programmes.browse({
        organizationId: startup.org.id,
        cursor,
        limit: 100,
      });
      browsed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(browsed.find((p) => p.id === programme.id)?.eligibility.eligible).toBe(false);

    expect(
      await failureOf(
        callerFor(viewer).programmes.get({
          organizationId: startup.org.id,
          programmeId: "missing",
        }),
      ),
    ).toEqual({
      code: "NOT_FOUND",
      message: "Programme not found.",
    });
  });
});
