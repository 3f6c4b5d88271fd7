import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { approveApplication } from "../applications/approve-application";
import { AppError } from "../errors";
import { getUndertakingStanding } from "./get-undertaking-standing";
import {
  listStateAidLedger,
  exportStateAidLedger,
  type StateAidLedgerEntry,
} from "./list-state-aid-ledger";
import { listUndertakings } from "./list-undertakings";
import { setOrganizationStateAid } from "./set-organization-state-aid";
import {
  actorOf,
  applicationUnderReview,
  createAidGroup,
  createAidOrganization,
  createAidProgramme,
  createAidUser,
} from "./state-aid-fixture";

const EURO = 100;
/** Noon in Brussels on a day, so that the award date is that day. */
const noon = (day: string) => new Date(`${day}T11:00:00Z`);

async function admin() {
  return actorOf(await createAidUser(db, true));
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("booking de minimis aid at approval", () => {
  it("books an undertaking's award at list value × subsidy rate on the award date, with its declaration", async () => {
    const startup = await createAidOrganization(db, { kind: "STARTUP" });
    // €1,000 an hour at 70 %: €700 of aid per hour.
    const aid = await createAidProgramme(db, { subsidyRateBps: 7_000 });
    const applicationId = await applicationUnderReview(db, startup, aid, 50, [
      { grantor: "Regional Development Agency", amountMinor: 1_500_000n, grantedOn: "2025-06-01" },
    ]);
    const decider = await admin();
    const { allocationId } = await approveApplication(
      db,
      decider,
      { applicationId },
      noon("2026-12-05"),
    );
    const rows = await db.stateAidAward.findMany({
      where: { organizationId: startup.id },
      orderBy: { kind: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      kind: "AWARD",
      allocationId,
      requestId: applicationId,
      programmeId: aid.programme.id,
      grantor: "Ministry of Aid Tests",
      legalBasis: "Commission Regulation (EU) 2023/2831 (de minimis aid)",
      grantedOn: new Date("2026-12-05T00:00:00Z"),
      grossGrantEquivalentMinor: 35_000n * BigInt(EURO),
      currency: "EUR",
      ceilingMinor: 30_000_000n,
      // The declared €15,000 counts with the award.
      windowTotalMinor: 5_000_000n,
      bookedById: decider.userId,
      undertakingGroupId: null,
    });
    expect(rows[1]).toMatchObject({
      kind: "DECLARED",
      allocationId: null,
      grantor: "Regional Development Agency",
      grantedOn: new Date("2025-06-01T00:00:00Z"),
      grossGrantEquivalentMinor: 1_500_000n,
    });
    const allocation = await db.allocation.findUniqueOrThrow({ where: { id: allocationId } });
    expect(allocation.programmeShareMinor).toBe(rows[0]!.grossGrantEquivalentMinor);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "application.approved", targetId: applicationId },
    });
    expect(event.data).toMatchObject({
      deMinimis: {
        grantedOn: "2026-12-05",
        grossGrantEquivalentMinor: 3_500_000,
        windowTotalMinor: 5_000_000,
        ceilingMinor: 30_000_000,
      },
    });
    const owner = await db.user.findUniqueOrThrow({ where: { id: startup.createdById } });
    const mail = await db.mailMessage.findFirstOrThrow({
      where: { to: owner.email!, subject: { startsWith: "Application approved" } },
    });
    expect(mail.text).toContain(
      "This award is de minimis aid under Commission Regulation (EU) 2023/2831 (de minimis aid): a gross grant equivalent of €35,000.00, granted on 5 December 2026 (Brussels time).",
    );
  });

  it("books nothing for a university that does not act economically, and holds one that does to the ceiling", async () => {
    const aid = await createAidProgramme(db);
    const university = await createAidOrganization(db, { kind: "ACADEMIC" });
    const big = await applicationUnderReview(db, university, aid, 400);
    await approveApplication(db, await admin(), { applicationId: big }, noon("2026-12-05"));
    expect(await db.stateAidAward.count({ where: { organizationId: university.id } })).toBe(0);

    const consultancy = await createAidOrganization(db, {
      kind: "ACADEMIC",
      actsEconomically: true,
    });
    const refused = await refusal(
      approveApplication(
        db,
        await admin(),
        { applicationId: await applicationUnderReview(db, consultancy, aid, 400) },
        noon("2026-12-05"),
      ),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("€400,000.00 for this award");
    const publicBody = await createAidOrganization(db, { kind: "PUBLIC_BODY" });
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, publicBody, aid, 400) },
      noon("2026-12-05"),
    );
    expect(await db.stateAidAward.count({ where: { organizationId: publicBody.id } })).toBe(0);
  });

  it("counts aid granted after the same day three years before the award, not on it", async () => {
    const aid = await createAidProgramme(db);
    const outside = await createAidOrganization(db);
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, outside, aid, 200) },
      noon("2023-12-05"),
    );
    // The €200,000 of 5 December 2023 has left the window of 5 December 2026.
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, outside, aid, 150) },
      noon("2026-12-05"),
    );
    const booked = await db.stateAidAward.findMany({
      where: { organizationId: outside.id },
      orderBy: { grantedOn: "asc" },
    });
    expect(booked.map((row) => row.windowTotalMinor)).toEqual([20_000_000n, 15_000_000n]);

    const inside = await createAidOrganization(db, { name: "Window Edge GmbH" });
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, inside, aid, 200) },
      noon("2023-12-06"),
    );
    const applicationId = await applicationUnderReview(db, inside, aid, 150);
    const refused = await refusal(
      approveApplication(db, await admin(), { applicationId }, noon("2026-12-05")),
    );
    expect(refused.message).toBe(
      "€200,000.00 already received in the three years to 5 December 2026 (Brussels time) + €150,000.00 for this award = €350,000.00, above the €300,000.00 de minimis ceiling. Window Edge GmbH can receive at most €100,000.00 more as the programme's share: grant less, or reject the application.",
    );
    expect(refused.details).toMatchObject({
      limit: "de_minimis",
      receivedMinor: "20000000",
      awardMinor: "15000000",
      ceilingMinor: "30000000",
    });
    // A reduced grant that reaches the ceiling exactly is allowed.
    const [line] = await db.allocationRequestLine.findMany({ where: { requestId: applicationId } });
    await approveApplication(
      db,
      await admin(),
      { applicationId, lines: [{ resourceClassId: line!.resourceClassId, grantedUnitHours: 100 }] },
      noon("2026-12-05"),
    );
    const standing = await getUndertakingStanding(db, inside.id, { now: noon("2026-12-05") });
    expect(standing).toMatchObject({
      undertaking: true,
      receivedMinor: 30_000_000,
      remainingMinor: 0,
      windowAfter: "2023-12-05",
    });
  });

  it("counts the linked organisations of a group together", async () => {
    const aid = await createAidProgramme(db);
    const group = await createAidGroup(db, "Lumen Holding");
    const parent = await createAidOrganization(db, { kind: "SME", groupId: group.id });
    const subsidiary = await createAidOrganization(db, {
      kind: "STARTUP",
      groupId: group.id,
      name: "Lumen Labs",
    });
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, parent, aid, 200) },
      noon("2026-11-01"),
    );
    const refused = await refusal(
      approveApplication(
        db,
        await admin(),
        { applicationId: await applicationUnderReview(db, subsidiary, aid, 150) },
        noon("2026-12-05"),
      ),
    );
    expect(refused.message).toContain("€200,000.00 already received");
    expect(refused.message).toContain(
      "Lumen Labs (with its group, Lumen Holding) can receive at most €100,000.00 more",
    );

    // Outside the group the subsidiary would have had room.
    const standalone = await createAidOrganization(db);
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, standalone, aid, 150) },
      noon("2026-12-05"),
    );
    const standing = await getUndertakingStanding(db, subsidiary.id, { now: noon("2026-12-05") });
    expect(standing.group).toMatchObject({ id: group.id, name: "Lumen Holding" });
    expect(standing.group?.members.map((member) => member.id).sort()).toEqual(
      [parent.id, subsidiary.id].sort(),
    );
    expect(standing.awardedMinor).toBe(20_000_000);
  });

  it("counts declared other aid, once however often it is declared", async () => {
    const aid = await createAidProgramme(db);
    const startup = await createAidOrganization(db);
    const regional = {
      grantor: "Regional Development Agency",
      amountMinor: 12_000_000n,
      grantedOn: "2025-01-15",
    };
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, startup, aid, 50, [regional]) },
      noon("2026-12-05"),
    );
    // Declared again (in other letters) with the next application: still €120,000, not €240,000.
    const applicationId = await applicationUnderReview(db, startup, aid, 120, [
      { ...regional, grantor: " regional development agency " },
      { grantor: "EU Horizon pilot", amountMinor: 1_000_000n, grantedOn: "2026-02-01" },
    ]);
    const standing = await getUndertakingStanding(db, startup.id, {
      pendingRequestId: applicationId,
      now: noon("2026-12-05"),
    });
    expect(standing).toMatchObject({
      awardedMinor: 5_000_000,
      declaredMinor: 13_000_000,
      receivedMinor: 18_000_000,
      remainingMinor: 12_000_000,
    });
    await approveApplication(db, await admin(), { applicationId }, noon("2026-12-05"));
    const award = await db.stateAidAward.findFirstOrThrow({
      where: { requestId: applicationId, kind: "AWARD" },
    });
    expect(award.windowTotalMinor).toBe(30_000_000n);
  });

  it("refuses an award above the ceiling with its figures and leaves nothing behind", async () => {
    const aid = await createAidProgramme(db);
    const startup = await createAidOrganization(db);
    const applicationId = await applicationUnderReview(db, startup, aid, 301);
    const refused = await refusal(
      approveApplication(db, await admin(), { applicationId }, noon("2026-12-05")),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(
      "€0.00 already received in the three years to 5 December 2026 (Brussels time) + €301,000.00 for this award = €301,000.00, above the €300,000.00 de minimis ceiling.",
    );
    expect(
      await db.allocationRequest.findUniqueOrThrow({ where: { id: applicationId } }),
    ).toMatchObject({ status: "UNDER_REVIEW", decidedAt: null });
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(0);
    expect(await db.stateAidAward.count({ where: { organizationId: startup.id } })).toBe(0);
    expect(
      (await db.programme.findUniqueOrThrow({ where: { id: aid.programme.id } })).awardedMinor,
    ).toBe(0n);
  });

  it("refuses an award to an undertaking from a programme that does not pay in euros", async () => {
    const francs = await createAidProgramme(db, { currency: "CHF" });
    const startup = await createAidOrganization(db);
    const refused = await refusal(
      approveApplication(db, await admin(), {
        applicationId: await applicationUnderReview(db, startup, francs, 10),
      }),
    );
    expect(refused.message).toContain("pays in CHF and Tessera has no exchange rate");
    const university = await createAidOrganization(db, { kind: "ACADEMIC" });
    await approveApplication(db, await admin(), {
      applicationId: await applicationUnderReview(db, university, francs, 10),
    });
  });
});

describe("two approvals at once that together cross the ceiling", () => {
  async function race(first: () => Promise<unknown>, second: () => Promise<unknown>) {
    const results = await Promise.allSettled([first(), second()]);
    const refused = results.filter((result) => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as AppError;
    expect(reason.code).toBe("PRECONDITION_FAILED");
    expect(reason.message).toContain(
      "€200,000.00 already received in the three years to 5 December 2026 (Brussels time) + €200,000.00 for this award = €400,000.00",
    );
  }

  it("let exactly one through for one organisation, from two programmes", async () => {
    for (let round = 0; round < 3; round += 1) {
      const startup = await createAidOrganization(db);
      // Two programmes, so that nothing but the undertaking's lock puts them in a queue.
      const [one, two] = [await createAidProgramme(db), await createAidProgramme(db)];
      const [a, b] = [
        await applicationUnderReview(db, startup, one, 200),
        await applicationUnderReview(db, startup, two, 200),
      ];
      const [adminA, adminB] = [await admin(), await admin()];
      await race(
        () => approveApplication(db, adminA, { applicationId: a }, noon("2026-12-05")),
        () => approveApplication(db, adminB, { applicationId: b }, noon("2026-12-05")),
      );
      const booked = await db.stateAidAward.findMany({ where: { organizationId: startup.id } });
      expect(booked).toHaveLength(1);
      expect(booked[0]!.windowTotalMinor).toBe(20_000_000n);
      expect(await db.allocation.count({ where: { organizationId: startup.id } })).toBe(1);
    }
  });

  it("let exactly one through for two organisations of one group", async () => {
    for (let round = 0; round < 3; round += 1) {
      const group = await createAidGroup(db);
      const left = await createAidOrganization(db, { groupId: group.id });
      const right = await createAidOrganization(db, { kind: "SME", groupId: group.id });
      const [one, two] = [await createAidProgramme(db), await createAidProgramme(db)];
      const [a, b] = [
        await applicationUnderReview(db, left, one, 200),
        await applicationUnderReview(db, right, two, 200),
      ];
      const [adminA, adminB] = [await admin(), await admin()];
      await race(
        () => approveApplication(db, adminA, { applicationId: a }, noon("2026-12-05")),
        () => approveApplication(db, adminB, { applicationId: b }, noon("2026-12-05")),
      );
      expect(
        await db.stateAidAward.count({
          where: { organizationId: { in: [left.id, right.id] }, kind: "AWARD" },
        }),
      ).toBe(1);
    }
  });
});

describe("the ledger", () => {
  it("refuses changes and deletions: the records are kept as booked", async () => {
    const aid = await createAidProgramme(db);
    const startup = await createAidOrganization(db);
    await approveApplication(db, await admin(), {
      applicationId: await applicationUnderReview(db, startup, aid, 10),
    });
    const row = await db.stateAidAward.findFirstOrThrow({ where: { organizationId: startup.id } });
    await expect(
      db.stateAidAward.update({ where: { id: row.id }, data: { grossGrantEquivalentMinor: 1n } }),
    ).rejects.toThrow(/immutable/);
    await expect(db.stateAidAward.delete({ where: { id: row.id } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "StateAidAward"`)).rejects.toThrow(/immutable/);
    expect(await db.stateAidAward.count({ where: { id: row.id } })).toBe(1);
  });

  it("lists rows by filter and exports them oldest first, and sums undertakings by total", async () => {
    const aid = await createAidProgramme(db);
    const group = await createAidGroup(db, `Export Group ${Date.now()}`);
    const first = await createAidOrganization(db, { groupId: group.id });
    const second = await createAidOrganization(db, { groupId: group.id, kind: "ENTERPRISE" });
    await approveApplication(
      db,
      await admin(),
      { applicationId: await applicationUnderReview(db, first, aid, 100) },
      noon("2026-10-01"),
    );
    await approveApplication(
      db,
      await admin(),
      {
        applicationId: await applicationUnderReview(db, second, aid, 20, [
          { grantor: "City innovation voucher", amountMinor: 500_000n, grantedOn: "2026-03-03" },
        ]),
      },
      noon("2026-11-01"),
    );
    const page = await listStateAidLedger(db, { groupId: group.id, limit: 2 });
    expect(page.items.map((row) => [row.kind, row.grantedOn])).toEqual([
      ["AWARD", "2026-11-01"],
      ["AWARD", "2026-10-01"],
    ]);
    const next = await listStateAidLedger(db, {
      groupId: group.id,
      limit: 2,
      cursor: page.nextCursor,
    });
    expect(next.items.map((row) => [row.kind, row.grantedOn])).toEqual([
      ["DECLARED", "2026-03-03"],
    ]);
    expect(next.nextCursor).toBeNull();
    expect(
      (await listStateAidLedger(db, { groupId: group.id, kind: "AWARD", from: "2026-10-15" }))
        .items,
    ).toHaveLength(1);
    await expect(listStateAidLedger(db, { from: "2026-02-30" })).rejects.toThrow("not a date");

    const exported = [];
    for await (const rows of exportStateAidLedger(db, { groupId: group.id }, 2))
      exported.push(...rows);
    expect(exported.map((row) => row.grantedOn)).toEqual([
      "2026-03-03",
      "2026-10-01",
      "2026-11-01",
    ]);
    expect(exported[1]).toMatchObject({
      organization: { id: first.id },
      group: { id: group.id, name: group.name },
      programme: { id: aid.programme.id },
    });

    const undertakings = await listUndertakings(db, { q: group.name }, noon("2026-12-05"));
    expect(undertakings.items).toHaveLength(1);
    expect(undertakings.items[0]).toMatchObject({
      key: group.id,
      awardedMinor: 12_000_000,
      declaredMinor: 500_000,
      receivedMinor: 12_500_000,
      remainingMinor: 17_500_000,
      lastAwardOn: "2026-11-01",
    });
    expect(undertakings.items[0]!.organizations.map((o) => o.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(
      (await listUndertakings(db, { q: group.name, filter: "NEAR_CEILING" }, noon("2026-12-05")))
        .items,
    ).toEqual([]);
  });
});

describe("declared aid declared more than once", () => {
  it("is marked as a repeat in the ledger and the export, so that the rows that count add up to the undertaking's total", async () => {
    const aid = await createAidProgramme(db);
    const group = await createAidGroup(db, `Repeat Group ${Date.now()}`);
    const first = await createAidOrganization(db, { groupId: group.id });
    const second = await createAidOrganization(db, { groupId: group.id });
    const outsider = await createAidOrganization(db);
    const bonus = {
      grantor: "Bavarian Digital Bonus",
      amountMinor: 1_250_000n,
      grantedOn: "2025-11-02",
    };
    const approve = async (organization: typeof first, declared: (typeof bonus)[], day: string) => {
      const applicationId = await applicationUnderReview(db, organization, aid, 10, declared);
      await approveApplication(db, await admin(), { applicationId }, noon(day));
      return applicationId;
    };
    const original = await approve(first, [bonus], "2026-10-01");
    // The same aid again: with the group's other organisation (in other letters), and with the
    // first organisation's next application beside aid declared for the first time.
    await approve(second, [{ ...bonus, grantor: " bavarian digital BONUS " }], "2026-11-01");
    const city = { grantor: "City voucher", amountMinor: 300_000n, grantedOn: "2026-01-10" };
    await approve(first, [bonus, city], "2026-12-01");
    // An undertaking of its own that declares aid alike in every way counts it for itself.
    await approve(outsider, [bonus], "2026-12-01");

    const originalTitle = (
      await db.allocationRequest.findUniqueOrThrow({ where: { id: original } })
    ).title;
    const ledger = (await listStateAidLedger(db, { groupId: group.id, limit: 50 })).items;
    const declared = ledger.filter((row) => row.kind === "DECLARED");
    expect(declared).toHaveLength(4);
    const counted = declared.filter((row) => row.repeats === null);
    expect(counted.map((row) => [row.grantor, row.requestId]).sort()).toEqual(
      [
        ["Bavarian Digital Bonus", original],
        ["City voucher", counted.find((row) => row.grantor === "City voucher")!.requestId],
      ].sort(),
    );
    const originalRow = counted.find((row) => row.requestId === original)!;
    for (const repeat of declared.filter((row) => row.repeats !== null)) {
      expect(repeat.repeats).toEqual({
        id: originalRow.id,
        requestId: original,
        applicationTitle: originalTitle,
        programmeId: aid.programme.id,
      });
    }
    // Filtered to one organisation, a row still repeats the group's earlier declaration.
    const secondRows = (
      await listStateAidLedger(db, { organizationId: second.id, kind: "DECLARED" })
    ).items;
    expect(secondRows.map((row) => row.repeats?.id)).toEqual([originalRow.id]);
    expect(
      (await listStateAidLedger(db, { organizationId: outsider.id, kind: "DECLARED" })).items.map(
        (row) => row.repeats,
      ),
    ).toEqual([null]);

    const exported: StateAidLedgerEntry[] = [];
    for await (const rows of exportStateAidLedger(db, { groupId: group.id }, 2))
      exported.push(...rows);
    expect(exported.filter((row) => row.repeats !== null)).toHaveLength(2);
    const sumCounted = (rows: StateAidLedgerEntry[]) =>
      rows
        .filter((row) => row.repeats === null)
        .reduce((sum, row) => sum + row.grossGrantEquivalentMinor, 0);
    const [undertaking] = (await listUndertakings(db, { q: group.name }, noon("2026-12-05"))).items;
    expect(undertaking).toMatchObject({ declaredMinor: 1_550_000 });
    expect(sumCounted(ledger)).toBe(undertaking!.receivedMinor);
    expect(sumCounted(exported)).toBe(undertaking!.receivedMinor);
  });
});

describe("an organisation's state-aid facts", () => {
  it("are changed by an administrator outside the organisation, audited, and decide later approvals", async () => {
    const aid = await createAidProgramme(db);
    const university = await createAidOrganization(db, { kind: "ACADEMIC" });
    const group = await createAidGroup(db);
    const platformAdmin = actorOf(await createAidUser(db));
    const updated = await setOrganizationStateAid(db, platformAdmin, {
      organizationId: university.id,
      actsEconomically: true,
      stateAidGroupId: group.id,
    });
    expect(updated).toMatchObject({ actsEconomically: true, stateAidGroup: { id: group.id } });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "organization.state_aid_updated", organizationId: university.id },
    });
    expect(event.data).toEqual({
      from: { actsEconomically: false, stateAidGroupId: null },
      to: { actsEconomically: true, stateAidGroupId: group.id },
    });
    await approveApplication(db, await admin(), {
      applicationId: await applicationUnderReview(db, university, aid, 10),
    });
    expect(
      await db.stateAidAward.findFirstOrThrow({ where: { organizationId: university.id } }),
    ).toMatchObject({ kind: "AWARD", undertakingGroupId: group.id });
  });

  it("refuse a member of the organisation, a startup marked as acting economically, and an unknown group", async () => {
    const startup = await createAidOrganization(db);
    const owner = await db.user.findUniqueOrThrow({ where: { id: startup.createdById } });
    const asMember = await refusal(
      setOrganizationStateAid(db, actorOf(owner), {
        organizationId: startup.id,
        actsEconomically: false,
        stateAidGroupId: null,
      }),
    );
    expect(asMember.code).toBe("FORBIDDEN");
    const outsider = actorOf(await createAidUser(db));
    expect(
      (
        await refusal(
          setOrganizationStateAid(db, outsider, {
            organizationId: startup.id,
            actsEconomically: true,
            stateAidGroupId: null,
          }),
        )
      ).code,
    ).toBe("INVALID");
    expect(
      (
        await refusal(
          setOrganizationStateAid(db, outsider, {
            organizationId: startup.id,
            actsEconomically: false,
            stateAidGroupId: "no-such-group",
          }),
        )
      ).message,
    ).toBe("Undertaking group not found.");
    expect(await db.organization.findUniqueOrThrow({ where: { id: startup.id } })).toMatchObject({
      actsEconomically: false,
      stateAidGroupId: null,
    });
    expect(
      await db.auditEvent.count({
        where: { organizationId: startup.id, action: "organization.state_aid_updated" },
      }),
    ).toBe(0);
  });
});
